//! The browser side of CORS: what Chromium, Firefox and WebKit do with one cross-origin
//! `fetch()` and the responses it got. It follows the Fetch standard's checks, notes where an
//! engine departs from it, and says what each engine prints and how to fix it. It knows
//! nothing of the server that answered: input is the request and the raw responses.
mod address_space;
mod classify;
mod console;
mod cors_check;
mod engine;
mod failure;
mod fix;
mod header_map;
mod meaning;
mod outgoing;
mod patch;
mod preflight;
mod read;
mod redirect;
mod url;
mod walk;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use address_space::{Network, Permission, Space};
pub use classify::{
    first_preflight, forbidden_header_reason, forbidden_method_reason, is_safelisted_method,
    preflight_request, PreflightRequest, SAFELISTED_METHODS,
};
pub use engine::Engine;
pub use failure::{Failure, Step};
pub use fix::text as fix_text;
pub use meaning::{explanation, fix as reading_fix};
pub use outgoing::{preflight_for, Outgoing, Purpose};
pub use patch::{patch, patch_walks, Blocker, Edit, Patch, Target};
pub use preflight::allows as preflight_allows;
pub use read::{read as read_console, Reading};
pub use url::{origin_of, path_of};
pub use walk::{next_request, predict, EngineVerdict, Prediction};

/// A header as it appears on the wire: name and value, in order, duplicates kept.
pub type Header = (String, String);

/// The request's credentials mode (`fetch(url, { credentials })`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credentials {
    /// Never send cookies.
    Omit,
    /// Cookies only to the page's own origin (the default).
    SameOrigin,
    /// Cookies to any origin; the response must then allow credentials.
    Include,
}

impl Credentials {
    /// `'omit' | 'same-origin' | 'include'`; anything else is `None`.
    pub fn parse(mode: &str) -> Option<Credentials> {
        match mode {
            "omit" => Some(Credentials::Omit),
            "same-origin" => Some(Credentials::SameOrigin),
            "include" => Some(Credentials::Include),
            _ => None,
        }
    }

    /// The mode as `fetch()` names it.
    pub fn name(self) -> &'static str {
        match self {
            Credentials::Omit => "omit",
            Credentials::SameOrigin => "same-origin",
            Credentials::Include => "include",
        }
    }

    /// Whether a request in this mode carries cookies (and stores the ones its response sets):
    /// `same_origin` is whether the request, every hop so far included, stayed on the page's
    /// origin.
    pub fn includes_cookies(self, same_origin: bool) -> bool {
        match self {
            Credentials::Omit => false,
            Credentials::SameOrigin => same_origin,
            Credentials::Include => true,
        }
    }
}

/// What the page asked for: `fetch(url, { method, headers, credentials })` from `origin`.
#[derive(Clone, Debug)]
pub struct Request {
    /// The absolute URL fetched.
    pub url: String,
    /// The page's serialised origin, e.g. `https://app.example.com`.
    pub origin: String,
    /// The method as the page wrote it (`fetch()` upper-cases only the standard six).
    pub method: String,
    /// The headers the page set, forbidden ones included (the browser drops them).
    pub headers: Vec<Header>,
    /// The credentials mode.
    pub credentials: Credentials,
    /// Where the page and the server are, the user's local network permissions and
    /// `targetAddressSpace`.
    pub network: Network,
}

/// One response: the preflight's, a redirect hop's, or the final one.
#[derive(Clone, Debug)]
pub struct Response {
    /// The URL it came from.
    pub url: String,
    /// The HTTP status.
    pub status: u16,
    /// The headers as received.
    pub headers: Vec<Header>,
    /// On a redirect the browser followed: the response to the preflight it sent to the
    /// redirect's target first, when it sent one (engines differ) and it is known.
    pub preflight: Option<Box<Response>>,
}

/// One cross-origin exchange: the request, the preflight's response if one was sent, and
/// every response of the actual request in order (redirects first, the final one last;
/// none when the actual request was not sent, and then only the preflight is judged).
/// A last response that is a redirect with a `preflight` is one whose target's preflight
/// failed (or whose target's response is not known).
#[derive(Clone, Debug)]
pub struct Exchange {
    /// What the page asked for.
    pub request: Request,
    /// The answer to the page's own preflight, if one was sent.
    pub preflight: Option<Response>,
    /// The actual request's responses, redirects first.
    pub responses: Vec<Response>,
}
