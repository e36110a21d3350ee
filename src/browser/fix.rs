//! What the server must send instead, in HTTP terms (the `check` command rewrites it in the
//! server's own configuration language when it recognises the server).
use crate::origin::difference::difference;

use super::{Failure, Step};

pub struct Context<'a> {
    pub page_origin: &'a str,
    pub sent_origin: &'a str,
    pub step: Step,
    pub include: bool,
}

pub fn fix(failure: &Failure, cx: &Context) -> String {
    let origin = cx.sent_origin;
    let on = match cx.step {
        Step::Preflight => "the OPTIONS preflight response",
        Step::Redirect(_) => "the redirect response",
        Step::Response => "the response",
    };
    let null_note = if origin == "null" && cx.page_origin != "null" {
        format!(" (after a redirect to another origin the browser sends Origin: null; better, request the final URL directly so it stays {})", cx.page_origin)
    } else {
        String::new()
    };
    let credentials = if cx.include {
        " and Access-Control-Allow-Credentials: true"
    } else {
        ""
    };
    match failure {
        Failure::MissingAllowOrigin => {
            format!("Send Access-Control-Allow-Origin: {origin}{credentials} on {on}, also on errors{null_note}")
        }
        Failure::WildcardWithCredentials => format!(
            "With credentials the browser refuses Access-Control-Allow-Origin: *; echo the allowed origin instead (Access-Control-Allow-Origin: {origin}, Vary: Origin), or fetch without credentials"
        ),
        Failure::MultipleAllowOrigin(_) => format!(
            "Send exactly one Access-Control-Allow-Origin value, the request's own origin ({origin}); check that two layers (proxy and app) do not both add it"
        ),
        Failure::InvalidAllowOrigin(v) | Failure::AllowOriginMismatch(v) => {
            format!("Access-Control-Allow-Origin is '{v}' but must be exactly '{origin}'{}{null_note}", mismatch_hint(v, origin))
        }
        Failure::AllowCredentialsNotTrue(_) => format!("Send Access-Control-Allow-Credentials: true on {on}, or fetch without credentials"),
        Failure::PreflightStatus(status) => format!(
            "Answer the OPTIONS preflight with 204 (or 200) and the CORS headers; it got {status}: route OPTIONS to the CORS layer before authentication, CSRF or method checks"
        ),
        Failure::PreflightRedirect => "Do not redirect the OPTIONS preflight: call the final URL directly (scheme, host and trailing slash as the server wants them)".to_string(),
        Failure::InvalidAllowMethods(t) => format!("Access-Control-Allow-Methods holds '{t}', which is not a method name; send a comma-separated list such as GET, POST, PUT"),
        Failure::InvalidAllowHeaders(t) => format!("Access-Control-Allow-Headers holds '{t}', which is not a header name; send a comma-separated list of names"),
        Failure::MethodNotAllowed(m) => format!(
            "Add {m} to Access-Control-Allow-Methods in the preflight response{}",
            if cx.include { " (with credentials a * there is taken literally, so list it by name)" } else { "" }
        ),
        Failure::HeaderNotAllowed(h) => format!(
            "Add {h} to Access-Control-Allow-Headers in the preflight response{}",
            if cx.include { " (with credentials a * there is taken literally, so list it by name)" } else { "" }
        ),
        Failure::RedirectWithCredentials(_) => "Redirect to a URL without user:password@".to_string(),
        Failure::TooManyRedirects => "Fix the redirect loop: a fetch follows at most 20 redirects".to_string(),
        Failure::RedirectScheme(target) => format!("Redirect only to http(s) URLs: fetch() fails on a redirect to {target}"),
    }
}

/// Names the one difference between the allowed origin and the request's.
fn mismatch_hint(allowed: &str, origin: &str) -> String {
    difference(origin, allowed)
        .map(|difference| format!(" (it {})", difference.describe()))
        .unwrap_or_default()
}
