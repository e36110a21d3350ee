//! The line each engine prints in the console when it blocks a response. Chromium's and
//! Firefox's texts are their sources' (Chromium `cors_error_string.cc`, Firefox
//! `security.properties`, checked against the shipped binaries); WebKit's come from
//! `CrossOriginAccessControl.cpp` and may differ in newer releases.
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

pub fn line(engine: Engine, failure: &Failure, cx: &Context) -> String {
    match engine {
        // The standard prints nothing; Chromium's words are the closest to its steps.
        Engine::Chromium | Engine::Standard => chromium(failure, cx),
        Engine::Firefox => firefox(failure, cx),
        Engine::Webkit => webkit(failure, cx),
    }
}

/// Schemes Chromium treats as an unsafe redirect target for a fetch (observed for `data:`).
const UNSAFE_REDIRECT_SCHEMES: [&str; 5] =
    ["data:", "file:", "javascript:", "blob:", "filesystem:"];

/// Chromium 156 adds this to every error about the Access-Control-Allow-Origin value.
const BAD_VALUE_HINT: &str = " Have the server send the header with a valid value.";

fn chromium(failure: &Failure, cx: &Context) -> String {
    let reason = match failure {
        Failure::MissingAllowOrigin => "No 'Access-Control-Allow-Origin' header is present on the requested resource.".to_string(),
        Failure::WildcardWithCredentials => "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.".to_string(),
        Failure::MultipleAllowOrigin(v) => format!("The 'Access-Control-Allow-Origin' header contains multiple values '{v}', but only one is allowed.{BAD_VALUE_HINT}"),
        Failure::InvalidAllowOrigin(v) => format!("The 'Access-Control-Allow-Origin' header contains the invalid value '{v}'.{BAD_VALUE_HINT}"),
        Failure::AllowOriginMismatch(v) => format!("The 'Access-Control-Allow-Origin' header has a value '{v}' that is not equal to the supplied origin.{BAD_VALUE_HINT}"),
        Failure::AllowCredentialsNotTrue(v) => format!("The value of the 'Access-Control-Allow-Credentials' header in the response is '{v}' which must be 'true' when the request's credentials mode is 'include'."),
        Failure::PreflightStatus(_) => "It does not have HTTP ok status.".to_string(),
        Failure::PreflightRedirect => "Redirect is not allowed for a preflight request.".to_string(),
        Failure::InvalidAllowMethods(_) => "Cannot parse Access-Control-Allow-Methods response header field in preflight response.".to_string(),
        Failure::InvalidAllowHeaders(_) => "Cannot parse Access-Control-Allow-Headers response header field in preflight response.".to_string(),
        Failure::MethodNotAllowed(m) => format!("Method {m} is not allowed by Access-Control-Allow-Methods in preflight response."),
        Failure::HeaderNotAllowed(h) => format!("Request header field {h} is not allowed by Access-Control-Allow-Headers in preflight response."),
        Failure::RedirectWithCredentials(l) => format!("Redirect location '{l}' contains a username and password, which is disallowed for cross-origin requests."),
        Failure::TooManyRedirects => return format!("Failed to load resource: net::ERR_TOO_MANY_REDIRECTS ({})", cx.url),
        // Chromium 156: schemes it never redirects a fetch to fail before the CORS check.
        Failure::RedirectScheme(target) if UNSAFE_REDIRECT_SCHEMES.iter().any(|s| target.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s))) => {
            return format!("Failed to load resource: net::ERR_UNSAFE_REDIRECT ({})", cx.url)
        }
        Failure::RedirectScheme(target) => return format!(
            "Access to fetch at '{target}' (redirected from '{}') from origin '{}' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app.",
            cx.redirected_from.unwrap_or(cx.url), cx.page_origin
        ),
    };
    let preflight_prefix = match failure {
        Failure::MethodNotAllowed(_)
        | Failure::HeaderNotAllowed(_)
        | Failure::InvalidAllowMethods(_)
        | Failure::InvalidAllowHeaders(_) => "",
        _ if cx.step == Step::Preflight => {
            "Response to preflight request doesn't pass access control check: "
        }
        _ => "",
    };
    let redirected = cx
        .redirected_from
        .map(|from| format!("(redirected from '{from}') "))
        .unwrap_or_default();
    format!(
        "Access to fetch at '{}' {redirected}from origin '{}' has been blocked by CORS policy: {preflight_prefix}{reason}",
        cx.url, cx.page_origin
    )
}

fn firefox(failure: &Failure, cx: &Context) -> String {
    let url = cx.url;
    let status = cx.status;
    let reason = match failure {
        Failure::MissingAllowOrigin => format!("(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {status}."),
        Failure::WildcardWithCredentials => {
            return format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘{url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).")
        }
        Failure::MultipleAllowOrigin(_) => "(Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).".to_string(),
        Failure::InvalidAllowOrigin(v) | Failure::AllowOriginMismatch(v) => format!("(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘{v}’)."),
        Failure::AllowCredentialsNotTrue(_) => "(Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).".to_string(),
        Failure::PreflightStatus(_) => format!("(Reason: CORS preflight response did not succeed). Status code: {status}."),
        Failure::PreflightRedirect | Failure::RedirectWithCredentials(_) => "(Reason: CORS request external redirect not allowed).".to_string(),
        Failure::InvalidAllowMethods(t) => format!("(Reason: invalid token ‘{t}’ in CORS header ‘Access-Control-Allow-Methods’)."),
        Failure::InvalidAllowHeaders(t) => format!("(Reason: invalid token ‘{t}’ in CORS header ‘Access-Control-Allow-Headers’)."),
        Failure::MethodNotAllowed(_) => "(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).".to_string(),
        Failure::HeaderNotAllowed(h) => format!("(Reason: header ‘{h}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."),
        Failure::TooManyRedirects => return "TypeError: NetworkError when attempting to fetch resource.".to_string(),
        Failure::RedirectScheme(_) => "(Reason: CORS request did not succeed). Status code: (null).".to_string(),
    };
    format!("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}. {reason}")
}

fn webkit(failure: &Failure, cx: &Context) -> String {
    match failure {
        Failure::MissingAllowOrigin
        | Failure::AllowOriginMismatch(_)
        | Failure::InvalidAllowOrigin(_) => format!(
            "Origin {} is not allowed by Access-Control-Allow-Origin. Status code: {}",
            cx.sent_origin, cx.status
        ),
        Failure::WildcardWithCredentials => {
            "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."
                .to_string()
        }
        Failure::MultipleAllowOrigin(_) => {
            "Access-Control-Allow-Origin cannot contain more than one origin.".to_string()
        }
        Failure::AllowCredentialsNotTrue(_) => {
            "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."
                .to_string()
        }
        Failure::PreflightStatus(_) | Failure::PreflightRedirect => format!(
            "Preflight response is not successful. Status code: {}",
            cx.status
        ),
        Failure::InvalidAllowMethods(_) => {
            "Cannot parse Access-Control-Allow-Methods response header field in preflight response."
                .to_string()
        }
        Failure::InvalidAllowHeaders(_) => {
            "Cannot parse Access-Control-Allow-Headers response header field in preflight response."
                .to_string()
        }
        Failure::MethodNotAllowed(m) => {
            format!("Method {m} is not allowed by Access-Control-Allow-Methods.")
        }
        Failure::HeaderNotAllowed(h) => {
            format!("Request header field {h} is not allowed by Access-Control-Allow-Headers.")
        }
        Failure::RedirectWithCredentials(_) => {
            "Cross-origin redirection denied by Cross-Origin Resource Sharing policy.".to_string()
        }
        // WebKitGTK 2.50 prints no line naming the URL; the fetch rejects with this.
        Failure::TooManyRedirects | Failure::RedirectScheme(_) => "Load failed".to_string(),
    }
}
