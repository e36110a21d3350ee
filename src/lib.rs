//! cors-native's core: options compiled into a `Policy` that decides per origin, with no Node
//! types, so it can be tested and benchmarked alone. The `node` feature (on by default) adds
//! the Node-API surface.
#![deny(clippy::all)]

pub mod browser;
pub mod error;
pub mod headers;
pub mod js_regex;
pub mod lints;
pub mod origin;
pub mod origin_entry;
pub mod origin_list;
pub mod origin_pattern;
pub mod origin_rule;
pub mod policy;
pub mod preflight;
pub mod regex_intent;

#[cfg(feature = "node")]
mod js_string;
#[cfg(feature = "node")]
mod node;

#[cfg(feature = "node")]
mod browser_binding;
#[cfg(test)]
mod properties;
