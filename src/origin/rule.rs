//! The `origin` option, compiled: which Access-Control-Allow-Origin a request gets.

use std::sync::Arc;

use crate::origin::list::OriginList;

/// The `origin` option. The JS layer sorts it by shape (only JS knows what a RegExp is); the
/// list is compiled when the rule is made, so an invalid entry fails there.
#[derive(Debug)]
pub enum OriginRule {
    /// A falsy `origin`: no CORS headers at all.
    Disabled,
    /// `'*'`.
    Any,
    /// Any other string: sent as is, whatever the request's origin.
    Fixed(String),
    /// `true`: echo every request origin.
    Reflect,
    /// A RegExp, an array or a pattern string: echo the request origin when an entry matches.
    List(Arc<OriginList>),
    /// A function, called per request in JS; a list it answers is compiled on its own.
    Dynamic,
}

impl OriginRule {
    /// `cors` adds `Vary: Origin` whenever the answer could depend on the request's origin,
    /// and for a fixed origin too.
    pub fn varies_on_origin(&self) -> bool {
        matches!(
            self,
            OriginRule::Fixed(_) | OriginRule::Reflect | OriginRule::List(_)
        )
    }

    /// Whether any origin gets through, the case credentials make dangerous.
    pub fn allows_any(&self) -> bool {
        match self {
            OriginRule::Any | OriginRule::Reflect => true,
            OriginRule::List(list) => list.allows_all(),
            OriginRule::Disabled | OriginRule::Fixed(_) | OriginRule::Dynamic => false,
        }
    }
}
