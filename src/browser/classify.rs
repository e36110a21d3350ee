//! Which requests a page may make and which of them need a preflight (Fetch standard:
//! *CORS-safelisted method*, *CORS-safelisted request-header*, *forbidden request-header*).
use super::url::origin_of;
use super::{Header, Request};

/// The *CORS-safelisted methods*: never preflighted, never needing Access-Control-Allow-Methods.
pub const SAFELISTED_METHODS: [&str; 3] = ["GET", "HEAD", "POST"];
/// `fetch()` upper-cases only these; `patch` is sent as written.
const NORMALISED_METHODS: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
const MAX_SAFELISTED_VALUE: usize = 128;
const MAX_SAFELISTED_TOTAL: usize = 1024;

const FORBIDDEN_NAMES: [&str; 21] = [
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];
const METHOD_OVERRIDES: [&str; 3] = [
    "x-http-method",
    "x-http-method-override",
    "x-method-override",
];

/// Methods `fetch()` refuses to send.
const FORBIDDEN_METHODS: [&str; 3] = ["CONNECT", "TRACE", "TRACK"];

/// Why `fetch()` refuses this method, or `None` if it sends it.
pub fn forbidden_method_reason(method: &str) -> Option<String> {
    FORBIDDEN_METHODS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(method))
        .then(|| format!("fetch() refuses {}", FORBIDDEN_METHODS.join(", ")))
}

/// The method as `fetch()` sends it.
pub fn normalise_method(method: &str) -> String {
    match NORMALISED_METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(method))
    {
        Some(m) => (*m).to_string(),
        None => method.to_string(),
    }
}

/// Whether a method is *CORS-safelisted* (GET, HEAD, POST), never needing a preflight.
pub fn is_safelisted_method(method: &str) -> bool {
    SAFELISTED_METHODS.contains(&method)
}

/// Why a page cannot set this header (the browser silently drops it), or `None` if it can.
pub fn forbidden_header_reason(name: &str, value: &str) -> Option<String> {
    let maybe_forbidden = FORBIDDEN_NAMES
        .iter()
        .chain(&METHOD_OVERRIDES)
        .any(|f| f.eq_ignore_ascii_case(name))
        || name
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("proxy-"))
        || name
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("sec-"));
    if !maybe_forbidden {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if FORBIDDEN_NAMES.contains(&lower.as_str()) {
        return Some(format!("{lower} is a forbidden request header: the browser sets it itself and drops any value a page gives"));
    }
    if lower.starts_with("proxy-") || lower.starts_with("sec-") {
        let prefix = &lower[..lower.find('-').unwrap_or(0) + 1];
        return Some(format!("{lower} is a forbidden request header: names starting with {prefix} are reserved for the browser"));
    }
    if METHOD_OVERRIDES.contains(&lower.as_str())
        && value
            .split(',')
            .any(|m| forbidden_method_reason(m.trim()).is_some())
    {
        return Some(format!("{lower} may not name CONNECT, TRACE or TRACK"));
    }
    None
}

fn has_unsafe_byte(value: &str) -> bool {
    value.bytes().any(|b| {
        (b < 0x20 && b != 0x09)
            || matches!(
                b,
                b'"' | b'('
                    | b')'
                    | b':'
                    | b'<'
                    | b'>'
                    | b'?'
                    | b'@'
                    | b'['
                    | b'\\'
                    | b']'
                    | b'{'
                    | b'}'
                    | 0x7f
            )
    })
}

fn is_language_value(value: &str) -> bool {
    value.bytes().all(|b| {
        b.is_ascii_alphanumeric() || matches!(b, b' ' | b'*' | b',' | b'-' | b'.' | b';' | b'=')
    })
}

fn is_safelisted_content_type(value: &str) -> bool {
    if has_unsafe_byte(value) {
        return false;
    }
    let essence = value.split(';').next().unwrap_or("").trim();
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/plain",
    ]
    .iter()
    .any(|safe| essence.eq_ignore_ascii_case(safe))
}

/// `bytes=N-` or `bytes=N-M` with N <= M.
fn is_simple_range(value: &str) -> bool {
    let Some(range) = value.strip_prefix("bytes=") else {
        return false;
    };
    let Some((start, end)) = range.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) {
        return false;
    }
    if end.is_empty() {
        return true;
    }
    digits(end) && start.parse::<u128>().ok() <= end.parse::<u128>().ok()
}

fn is_safelisted_header(name: &str, value: &str) -> bool {
    if value.len() > MAX_SAFELISTED_VALUE {
        return false;
    }
    match name {
        "accept" => !has_unsafe_byte(value),
        "accept-language" | "content-language" => is_language_value(value),
        "content-type" => is_safelisted_content_type(value),
        "range" => is_simple_range(value),
        _ => false,
    }
}

/// The headers the page's request really carries: forbidden ones dropped, names lower-cased.
/// Repeated names stay separate entries, as in the Fetch standard's header list.
pub fn sent_headers(headers: &[Header]) -> Vec<(String, &str)> {
    headers
        .iter()
        .filter(|(name, value)| forbidden_header_reason(name, value).is_none())
        .map(|(name, value)| {
            (
                name.to_ascii_lowercase(),
                value.trim_matches([' ', '\t', '\r', '\n']),
            )
        })
        .collect()
}

/// *CORS-unsafe request-header names*: lower-cased, sorted, without duplicates.
pub fn unsafe_header_names(sent: &[(String, &str)]) -> Vec<String> {
    let mut names = Vec::new();
    let mut safelisted_total = 0;
    for (name, value) in sent {
        if is_safelisted_header(name, value) {
            safelisted_total += value.len();
        } else {
            names.push(name.clone());
        }
    }
    if safelisted_total > MAX_SAFELISTED_TOTAL {
        names = sent.iter().map(|(name, _)| name.clone()).collect();
    }
    names.sort();
    names.dedup();
    names
}

/// Whether a request needs a preflight and, if so, what it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreflightRequest {
    /// Whether the browser sends a preflight first.
    pub needed: bool,
    /// `Access-Control-Request-Method`: the method as `fetch()` sends it.
    pub method: String,
    /// The unsafe header names; `Access-Control-Request-Headers` is them joined with ",".
    pub headers: Vec<String>,
}

impl PreflightRequest {
    /// The preflight as a server receives it: `Access-Control-Request-Method` as sent, and
    /// the names in `Access-Control-Request-Headers`, lower-cased.
    pub fn received(method: &str, request_headers: &str) -> PreflightRequest {
        PreflightRequest {
            needed: true,
            method: method.to_string(),
            headers: request_headers
                .split(',')
                .map(|name| name.trim_matches([' ', '\t']).to_ascii_lowercase())
                .filter(|name| !name.is_empty())
                .collect(),
        }
    }
}

/// What a browser decides before sending the page's request: a preflight only when it goes to
/// another origin and is not simple (no preflight cache is assumed).
pub fn first_preflight(request: &Request) -> PreflightRequest {
    let mut asked = preflight_request(request);
    asked.needed &= origin_of(&request.url).as_deref() != Some(request.origin.as_str());
    asked
}

/// Whether `request` is simple (*CORS-safelisted* method and headers) and, if not, what its
/// preflight asks, wherever it goes.
pub fn preflight_request(request: &Request) -> PreflightRequest {
    let method = normalise_method(&request.method);
    let headers = unsafe_header_names(&sent_headers(&request.headers));
    PreflightRequest {
        needed: !is_safelisted_method(&method) || !headers.is_empty(),
        method,
        headers,
    }
}
