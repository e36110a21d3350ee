//! The Node-API surface only: typed inputs converted into the core's types, one conversion out.
mod browser;
mod cookie;
mod js_string;
mod policy;
