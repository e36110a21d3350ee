//! The defaults of cors@2.8.6, written once. A policy falls back to them for an option left
//! unset, and the JS layer merges the options over them with `Object.assign`, as cors does (so
//! an explicit `origin: undefined` disables CORS there too).

/// `origin` as cors's options write it: every origin, answered with `*` (`OriginRule::Any`).
pub const ORIGIN: &str = "*";
/// `methods`, sent as `Access-Control-Allow-Methods`.
pub const METHODS: &str = "GET,HEAD,PUT,PATCH,POST,DELETE";
/// `preflightContinue`: preflights are answered, not passed on.
pub const PREFLIGHT_CONTINUE: bool = false;
/// `optionsSuccessStatus`, the status of an answered preflight.
pub const OPTIONS_SUCCESS_STATUS: u32 = 204;
