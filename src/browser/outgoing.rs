//! The requests a browser puts on the wire for one `fetch()`, header by header, so that a
//! checker can send exactly them. It adds no `Host`, `User-Agent` or `Content-Length`: the
//! sender's HTTP client owns those.
use super::classify::{forbidden_header_reason, preflight_request, PreflightRequest};
use super::redirect::Carried;
use super::{Header, Request};

/// What a request is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// An `OPTIONS` preflight, to the page's URL or to a redirect's target.
    Preflight,
    /// The page's own request, or its next hop after a redirect.
    Actual,
}

impl Purpose {
    /// The purpose's name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Purpose::Preflight => "preflight",
            Purpose::Actual => "actual",
        }
    }
}

/// One request exactly as the browser sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// Preflight or actual request.
    pub purpose: Purpose,
    /// The absolute URL.
    pub url: String,
    /// The method on the wire.
    pub method: String,
    /// The headers in the order the browser sends them.
    pub headers: Vec<Header>,
    /// Whether the page's body goes with it.
    pub body: bool,
}

fn header(name: &str, value: &str) -> Header {
    (name.to_string(), value.to_string())
}

/// The preflight for `asked`, to `url`, carrying `origin`: never cookies or Authorization.
pub fn preflight(url: &str, origin: &str, asked: &PreflightRequest) -> Outgoing {
    let mut headers = vec![
        header("Accept", "*/*"),
        header("Origin", origin),
        header("Access-Control-Request-Method", &asked.method),
    ];
    if !asked.headers.is_empty() {
        headers.push(header(
            "Access-Control-Request-Headers",
            &asked.headers.join(","),
        ));
    }
    headers.extend([
        header("Sec-Fetch-Mode", "cors"),
        header("Sec-Fetch-Dest", "empty"),
    ]);
    Outgoing {
        purpose: Purpose::Preflight,
        url: url.to_string(),
        method: "OPTIONS".to_string(),
        headers,
        body: false,
    }
}

/// The preflight `request` gets from its page, whether or not it needs one.
pub fn preflight_for(request: &Request) -> Outgoing {
    preflight(&request.url, &request.origin, &preflight_request(request))
}

/// The actual request as it stands after the redirects followed so far.
pub fn actual(carried: &Carried) -> Outgoing {
    let own_accept = carried
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("accept"));
    let mut headers = Vec::with_capacity(carried.headers.len() + 4);
    if !own_accept {
        headers.push(header("Accept", "*/*"));
    }
    // The browser drops what a page may not set.
    headers.extend(
        carried
            .headers
            .iter()
            .filter(|(name, value)| forbidden_header_reason(name, value).is_none())
            .cloned(),
    );
    // A same-origin GET or HEAD carries no Origin; everything else does.
    if carried.cors || !matches!(carried.method.as_str(), "GET" | "HEAD") {
        headers.push(header("Origin", &carried.origin));
    }
    headers.extend([
        header("Sec-Fetch-Mode", "cors"),
        header("Sec-Fetch-Dest", "empty"),
    ]);
    Outgoing {
        purpose: Purpose::Actual,
        url: carried.url.clone(),
        method: carried.method.clone(),
        headers,
        body: carried.body,
    }
}
