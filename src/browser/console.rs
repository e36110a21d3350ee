//! The line each engine prints in the console when it blocks a response. Chromium's and
//! Firefox's texts are their sources' (Chromium `cors_error_string.cc`, Firefox
//! `security.properties`, checked against the shipped binaries); WebKit's come from
//! `CrossOriginAccessControl.cpp` and may differ in newer releases.
//!
//! Each text is written once, as a template with `{hole}`s: `line` fills it, and
//! `why.rs` reads a pasted line back against the same templates.
use super::{Engine, Failure, Step};

/// What a console line quotes besides the failure itself.
pub struct Context<'a> {
    /// The URL the failing response came from.
    pub url: &'a str,
    /// The URL the page fetched, when `url` was reached by redirects.
    pub redirected_from: Option<&'a str>,
    /// The page's origin.
    pub page_origin: &'a str,
    /// The Origin the request carried (`null` after a cross-origin redirect).
    pub sent_origin: &'a str,
    pub status: u16,
    pub step: Step,
}

/// Chromium's frame around every CORS reason.
pub const CHROMIUM: &str =
    "Access to fetch at '{url}' from origin '{origin}' has been blocked by CORS policy: {reason}";
pub const CHROMIUM_REDIRECTED: &str = "Access to fetch at '{url}' (redirected from '{from}') from origin '{origin}' has been blocked by CORS policy: {reason}";
/// Chromium's words before a reason found on the preflight's response.
pub const CHROMIUM_PREFLIGHT: &str =
    "Response to preflight request doesn't pass access control check: {reason}";
/// Firefox's frame around every CORS reason.
pub const FIREFOX: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}. {reason}";

/// WebKit's second line about a blocked fetch, the one that names its URL.
pub const WEBKIT_URL: &str = "Fetch API cannot load {url} due to access control checks.";

/// How a form sits in a line.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A reason inside the engine's frame (`CHROMIUM`, `FIREFOX`).
    Reason,
    /// The whole line.
    Line,
    /// The whole line, printed for any network error too: it does not name the failure.
    Generic,
}

/// One engine's words for one failure (`code` is `Failure::code`, or a block that is not
/// CORS's, such as `mixed-content`).
pub struct Form {
    pub engine: Engine,
    pub code: &'static str,
    pub shape: Shape,
    pub text: &'static str,
}

const fn form(engine: Engine, code: &'static str, shape: Shape, text: &'static str) -> Form {
    Form {
        engine,
        code,
        shape,
        text,
    }
}

use Engine::{Chromium as C, Firefox as F, Webkit as W};
use Shape::{Generic, Line, Reason};

/// Every form, in the order a pasted line is read: the first that fits names the failure,
/// the others that fit are what the same line may also mean. Chromium 156 ends every error
/// about the Access-Control-Allow-Origin value with "Have the server send the header...".
#[rustfmt::skip]
pub const FORMS: &[Form] = &[
    form(C, "missing-allow-origin", Reason, "No 'Access-Control-Allow-Origin' header is present on the requested resource."),
    form(C, "wildcard-with-credentials", Reason, "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."),
    form(C, "multiple-allow-origin", Reason, "The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed. Have the server send the header with a valid value."),
    form(C, "invalid-allow-origin", Reason, "The 'Access-Control-Allow-Origin' header contains the invalid value '{value}'. Have the server send the header with a valid value."),
    form(C, "allow-origin-mismatch", Reason, "The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin. Have the server send the header with a valid value."),
    form(C, "allow-credentials-not-true", Reason, "The value of the 'Access-Control-Allow-Credentials' header in the response is '{value}' which must be 'true' when the request's credentials mode is 'include'."),
    form(C, "preflight-status", Reason, "It does not have HTTP ok status."),
    form(C, "preflight-redirect", Reason, "Redirect is not allowed for a preflight request."),
    form(C, "invalid-allow-methods", Reason, "Cannot parse Access-Control-Allow-Methods response header field in preflight response."),
    form(C, "invalid-allow-headers", Reason, "Cannot parse Access-Control-Allow-Headers response header field in preflight response."),
    form(C, "method-not-allowed", Reason, "Method {value} is not allowed by Access-Control-Allow-Methods in preflight response."),
    form(C, "header-not-allowed", Reason, "Request header field {value} is not allowed by Access-Control-Allow-Headers in preflight response."),
    form(C, "redirect-with-credentials", Reason, "Redirect location '{value}' contains a username and password, which is disallowed for cross-origin requests."),
    form(C, "too-many-redirects", Line, "Failed to load resource: net::ERR_TOO_MANY_REDIRECTS ({url})"),
    // Chromium 156: schemes it never redirects a fetch to fail before the CORS check.
    form(C, "redirect-scheme", Line, "Failed to load resource: net::ERR_UNSAFE_REDIRECT ({url})"),
    form(C, "redirect-scheme", Reason, "Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app."),
    // The same two as the console API gives them (the URL apart, as the line's source):
    // read only, the model prints the URL in the line.
    form(C, "too-many-redirects", Line, "Failed to load resource: net::ERR_TOO_MANY_REDIRECTS"),
    form(C, "redirect-scheme", Line, "Failed to load resource: net::ERR_UNSAFE_REDIRECT"),
    // Blocks that are not CORS's, judged before anything is sent. The page is quoted as its
    // origin's root when its path is not known.
    form(C, "local-network-access", Reason, "Permission was denied for this request to access the `{value}` address space."),
    form(C, "insecure-private-network", Reason, "The request client is not a secure context and the resource is in more-private address space `{value}`."),
    form(C, "address-space-mismatch", Reason, "Request had a target IP address space of `{target}` yet the resource is in address space `{value}`."),
    form(C, "mixed-content", Line, "Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure resource '{url}'. This request has been blocked; the content must be served over HTTPS."),
    // Firefox ESR 153 refuses a page's mixed content fetch.
    form(F, "mixed-content", Line, "Blocked loading mixed active content “{url}”"),
    form(F, "missing-allow-origin", Reason, "(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {status}."),
    form(F, "wildcard-with-credentials", Line, "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘{url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."),
    form(F, "multiple-allow-origin", Reason, "(Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."),
    form(F, "allow-origin-mismatch", Reason, "(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’)."),
    form(F, "invalid-allow-origin", Reason, "(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’)."),
    form(F, "allow-credentials-not-true", Reason, "(Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."),
    form(F, "preflight-status", Reason, "(Reason: CORS preflight response did not succeed). Status code: {status}."),
    form(F, "preflight-redirect", Reason, "(Reason: CORS request external redirect not allowed)."),
    form(F, "invalid-allow-methods", Reason, "(Reason: invalid token ‘{value}’ in CORS header ‘Access-Control-Allow-Methods’)."),
    form(F, "invalid-allow-headers", Reason, "(Reason: invalid token ‘{value}’ in CORS header ‘Access-Control-Allow-Headers’)."),
    form(F, "method-not-allowed", Reason, "(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’)."),
    form(F, "header-not-allowed", Reason, "(Reason: header ‘{value}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."),
    form(F, "too-many-redirects", Generic, "TypeError: NetworkError when attempting to fetch resource."),
    // Also what Firefox prints when the server cannot be reached at all.
    form(F, "redirect-scheme", Reason, "(Reason: CORS request did not succeed). Status code: (null)."),
    // Firefox ESR 153 on a Location with user:password@ (seen here; its sources suggest
    // "external redirect not allowed", which it prints for a preflight's redirect only).
    form(F, "redirect-with-credentials", Reason, "(Reason: CORS request did not succeed). Status code: (null)."),
    // Firefox ESR 153 when its local network access prompt was refused.
    form(F, "local-network-access", Reason, "(Reason: CORS request did not succeed). Status code: (null)."),
    form(W, "missing-allow-origin", Line, "Origin {sent} is not allowed by Access-Control-Allow-Origin. Status code: {status}"),
    form(W, "allow-origin-mismatch", Line, "Origin {sent} is not allowed by Access-Control-Allow-Origin. Status code: {status}"),
    form(W, "invalid-allow-origin", Line, "Origin {sent} is not allowed by Access-Control-Allow-Origin. Status code: {status}"),
    form(W, "wildcard-with-credentials", Line, "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."),
    form(W, "multiple-allow-origin", Line, "Access-Control-Allow-Origin cannot contain more than one origin."),
    form(W, "allow-credentials-not-true", Line, "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."),
    form(W, "preflight-status", Line, "Preflight response is not successful. Status code: {status}"),
    form(W, "preflight-redirect", Line, "Preflight response is not successful. Status code: {status}"),
    form(W, "invalid-allow-methods", Line, "Cannot parse Access-Control-Allow-Methods response header field in preflight response."),
    form(W, "invalid-allow-headers", Line, "Cannot parse Access-Control-Allow-Headers response header field in preflight response."),
    form(W, "method-not-allowed", Line, "Method {value} is not allowed by Access-Control-Allow-Methods."),
    form(W, "header-not-allowed", Line, "Request header field {value} is not allowed by Access-Control-Allow-Headers."),
    form(W, "redirect-with-credentials", Line, "Cross-origin redirection denied by Cross-Origin Resource Sharing policy."),
    // WebKitGTK 2.50 prints no line naming the URL; the fetch rejects with this.
    form(W, "too-many-redirects", Generic, "Load failed"),
    form(W, "redirect-scheme", Generic, "Load failed"),
    // WebKitGTK 2.50 cuts this line short itself.
    form(W, "mixed-content", Line, "[blocked] The page at {page} requested insecure content from {url} This content was blocked and must"),
];

/// Schemes Chromium treats as an unsafe redirect target for a fetch (observed for `data:`).
const UNSAFE_REDIRECT_SCHEMES: [&str; 5] =
    ["data:", "file:", "javascript:", "blob:", "filesystem:"];

/// Whether Chromium puts `CHROMIUM_PREFLIGHT` before this failure when the preflight failed.
pub fn chromium_preflight_prefix(code: &str) -> bool {
    !matches!(
        code,
        "method-not-allowed"
            | "header-not-allowed"
            | "invalid-allow-methods"
            | "invalid-allow-headers"
            | "redirect-scheme"
    )
}

/// `template` with each `{hole}` replaced by its value in one pass (a value is never read
/// for holes); a hole with no value is left as written.
pub fn fill(template: &str, holes: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let hole = after.find('}').and_then(|close| {
            let name = &after[1..close];
            holes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        });
        match hole {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn line(engine: Engine, failure: &Failure, cx: &Context) -> String {
    // The standard prints nothing; Chromium's words are the closest to its steps.
    let engine = match engine {
        Engine::Standard => Engine::Chromium,
        other => other,
    };
    let code = failure.code();
    let unsafe_scheme = match failure {
        Failure::RedirectScheme(target) => UNSAFE_REDIRECT_SCHEMES.iter().any(|s| {
            target
                .get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
        }),
        _ => false,
    };
    // Chromium names a redirect to a scheme it never follows in a line of its own.
    let shape_fits = |f: &Form| {
        engine != Engine::Chromium
            || code != "redirect-scheme"
            || (f.shape == Shape::Line) == unsafe_scheme
    };
    let form = FORMS
        .iter()
        .find(|f| f.engine == engine && f.code == code && shape_fits(f))
        .expect("every failure has a form in every engine");
    let (url, redirected_from) = match failure {
        // The line names the target the page was redirected to, from the URL first fetched.
        Failure::RedirectScheme(target)
            if engine == Engine::Chromium && form.shape == Shape::Reason =>
        {
            (target.as_str(), Some(cx.redirected_from.unwrap_or(cx.url)))
        }
        _ => (cx.url, cx.redirected_from),
    };
    let status = cx.status.to_string();
    let page = format!("{}/", cx.page_origin);
    let target = match failure {
        Failure::AddressSpaceMismatch { target, .. } => target.name(),
        _ => "",
    };
    let holes = [
        ("page", page.as_str()),
        ("target", target),
        ("value", failure.value().unwrap_or_default()),
        ("status", status.as_str()),
        ("sent", cx.sent_origin),
        ("url", url),
        ("origin", cx.page_origin),
        ("from", redirected_from.unwrap_or_default()),
    ];
    let mut text = fill(form.text, &holes);
    if form.shape != Shape::Reason {
        return text;
    }
    if engine == Engine::Chromium && cx.step == Step::Preflight && chromium_preflight_prefix(code) {
        text = fill(CHROMIUM_PREFLIGHT, &[("reason", &text)]);
    }
    let frame = match (engine, redirected_from) {
        (Engine::Firefox, _) => FIREFOX,
        (_, Some(_)) => CHROMIUM_REDIRECTED,
        (_, None) => CHROMIUM,
    };
    fill(
        frame,
        &[
            ("reason", &text),
            ("url", url),
            ("origin", cx.page_origin),
            ("from", redirected_from.unwrap_or_default()),
        ],
    )
}
