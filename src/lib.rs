//! cors-native's core: options compiled into a `Policy` that decides per origin, and a model of
//! what browsers do with the answers, with no Node types, so both can be tested and benchmarked
//! alone. The `node` feature (on by default) adds the Node-API surface in `napi`.
#![deny(clippy::all)]
#![warn(missing_docs)]

pub mod browser;
pub mod cookie;
pub mod js_regex;
pub mod origin;
pub mod policy;

#[cfg(feature = "node")]
mod napi;
