//! The Fetch standard's *HTTP-redirect fetch*: what the request carries after each redirect it
//! follows (URL, method, headers, body, the Origin it sends), and the preflight an engine sends
//! to a redirect's target first.
use super::classify::{normalise_method, preflight_request, PreflightRequest};
use super::url::{has_credentials, origin_of, same_origin};
use super::{header_map, preflight, Engine, Failure, Header, Request, Response};

/// A fetch follows at most this many redirects.
pub const MAX_REDIRECTS: usize = 20;

/// Headers that describe a body; they go when a redirect turns the request into a GET.
const REQUEST_BODY_HEADERS: [&str; 4] = [
    "content-encoding",
    "content-language",
    "content-location",
    "content-type",
];

/// Whether the browser treats `response` as a redirect to follow.
pub fn is_redirect(response: &Response) -> bool {
    matches!(response.status, 301 | 302 | 303 | 307 | 308)
        && header_map::count(&response.headers, "location") > 0
}

/// The request as it stands after the redirects followed so far.
#[derive(Clone, Debug)]
pub struct Carried {
    /// The URL it goes to next.
    pub url: String,
    /// The method as `fetch()` sends it, `GET` after a 303 (or a 301/302 of a POST).
    pub method: String,
    /// The page's headers still carried (Authorization goes on a cross-origin redirect).
    pub headers: Vec<Header>,
    /// The Origin it sends: the page's, or `null` once a redirect tainted it.
    pub origin: String,
    /// Whether the fetch has gone cross-origin, so every response gets the CORS check.
    pub cors: bool,
    /// Whether the page's body still goes with it.
    pub body: bool,
}

impl Carried {
    /// The page's request before any redirect; `cross_origin` when it targets another origin.
    pub fn new(request: &Request, cross_origin: bool) -> Carried {
        let method = normalise_method(&request.method);
        Carried {
            url: request.url.clone(),
            body: !matches!(method.as_str(), "GET" | "HEAD"),
            method,
            headers: request.headers.clone(),
            origin: request.origin.clone(),
            cors: cross_origin,
        }
    }

    /// Follows the redirect `response` to `next` for a page on `page`; a `next` that is not
    /// http(s) is a network error.
    pub fn follow(&mut self, response: &Response, next: &str, page: &str) -> Result<(), Failure> {
        if origin_of(next).is_none() {
            return Err(Failure::RedirectScheme(next.to_string()));
        }
        let location = header_map::get(&response.headers, "location")
            .unwrap_or_default()
            .into_owned();
        let next_cross_origin = origin_of(next).as_deref() != Some(page);
        if (self.cors || next_cross_origin) && (has_credentials(next) || has_credentials(&location))
        {
            return Err(Failure::RedirectWithCredentials(location));
        }
        if !same_origin(&response.url, next) {
            // Authorization never follows a redirect to another origin, and a hop between two
            // origins from a URL not of the page's origin taints the request's origin, which is
            // then sent as `null`.
            self.headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
            if origin_of(&response.url).as_deref() != Some(page) {
                self.origin = "null".to_string();
            }
        }
        let becomes_get = match response.status {
            303 => self.method != "HEAD",
            301 | 302 => self.method == "POST",
            _ => false,
        };
        if becomes_get {
            self.method = "GET".to_string();
            self.body = false;
            self.headers.retain(|(name, _)| {
                !REQUEST_BODY_HEADERS
                    .iter()
                    .any(|body_header| body_header.eq_ignore_ascii_case(name))
            });
        }
        self.cors |= next_cross_origin;
        self.url = next.to_string();
        Ok(())
    }

    /// The preflight `engine` sends to the current URL before following a redirect there, if
    /// any, with the Origin it carries. `first` is what the page's request asked, `first_sent`
    /// whether that preflight went out.
    pub fn target_preflight(
        &self,
        engine: Engine,
        request: &Request,
        first: &PreflightRequest,
        first_sent: bool,
    ) -> Option<(PreflightRequest, String)> {
        if !self.cors {
            return None;
        }
        let remaining = preflight_request(&Request {
            method: self.method.clone(),
            headers: self.headers.clone(),
            ..request.clone()
        });
        let asked = preflight::for_redirect(engine, first, first_sent, remaining)?;
        let origin = if engine.redirect_preflight_sends_page_origin() {
            request.origin.clone()
        } else {
            self.origin.clone()
        };
        Some((asked, origin))
    }
}
