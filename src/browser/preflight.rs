//! The *CORS-preflight fetch*'s checks on the `OPTIONS` response, in each engine's order.
use super::classify::{is_safelisted_method, PreflightRequest};
use super::redirect::is_redirect;
use super::{cors_check, header_map};
use super::{Engine, Failure, Response};

/// A preflight that passed: how long the engine caches it, and any deviation it relied on.
pub struct Passed {
    pub cache_seconds: u32,
    pub deviation: Option<String>,
}

/// The checks on the preflight's `response`, in `engine`'s order: not a redirect, an ok
/// status, the CORS check for `origin`, then [`allows`].
pub fn check(
    engine: Engine,
    response: &Response,
    asked: &PreflightRequest,
    origin: &str,
    include: bool,
) -> Result<Passed, Failure> {
    if is_redirect(response) {
        return Err(Failure::PreflightRedirect);
    }
    let ok_status = (200..300).contains(&response.status);
    if engine.checks_preflight_status_first() && !ok_status {
        return Err(Failure::PreflightStatus(response.status));
    }
    cors_check::check(engine, &response.headers, origin, include)?;
    if !ok_status {
        return Err(Failure::PreflightStatus(response.status));
    }
    let allow_methods = header_map::get(&response.headers, "access-control-allow-methods");
    let allow_headers = header_map::get(&response.headers, "access-control-allow-headers");
    let deviation = allows(
        engine,
        allow_methods.as_deref(),
        allow_headers.as_deref(),
        asked,
        include,
    )?;
    let max_age = header_map::get(&response.headers, "access-control-max-age");
    Ok(Passed {
        cache_seconds: engine.preflight_cache_seconds(max_age.as_deref()),
        deviation,
    })
}

/// The *CORS-preflight fetch*'s method and header checks: whether a preflight answered with
/// these `Access-Control-Allow-Methods` and `-Headers` values lets `asked` through, for a
/// request with credentials (`include`) or without. Passing, any deviation the engine relied
/// on. Strict mode asks this with [`Engine::Standard`] about the policy's own answer.
pub fn allows(
    engine: Engine,
    allow_methods: Option<&str>,
    allow_headers: Option<&str>,
    asked: &PreflightRequest,
    include: bool,
) -> Result<Option<String>, Failure> {
    let methods = parse_list(allow_methods).map_err(Failure::InvalidAllowMethods)?;
    let headers = parse_list(allow_headers).map_err(Failure::InvalidAllowHeaders)?;
    let wildcard = |list: &[&str]| !include && list.contains(&"*");

    let method_listed = methods.iter().any(|m| *m == asked.method);
    if !(method_listed || is_safelisted_method(&asked.method) || wildcard(&methods)) {
        return Err(Failure::MethodNotAllowed(asked.method.clone()));
    }
    let mut deviation = None;
    for name in &asked.headers {
        if headers.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            continue;
        }
        if !wildcard(&headers) {
            return Err(Failure::HeaderNotAllowed(name.clone()));
        }
        if name == "authorization" {
            if !engine.wildcard_covers_authorization() {
                return Err(Failure::HeaderNotAllowed(name.clone()));
            }
            deviation = Some(
                "Access-Control-Allow-Headers: * let Authorization through; the Fetch standard says * never covers it, so list authorization explicitly"
                    .to_string(),
            );
        }
    }
    Ok(deviation)
}

/// The preflight `engine` sends to a redirect's target before following it, if any. `first`
/// is what the page's request asked (`first_sent`: whether that preflight went out);
/// `remaining` is what the request still asks after the redirect (Authorization dropped
/// when the redirect changed origins).
pub fn for_redirect(
    engine: Engine,
    first: &PreflightRequest,
    first_sent: bool,
    remaining: PreflightRequest,
) -> Option<PreflightRequest> {
    if engine.redirect_preflight_asks_original_headers() {
        return first.needed.then(|| first.clone());
    }
    let sticky = first_sent && engine.redirect_preflight_whenever_first_was();
    (remaining.needed || sticky).then_some(remaining)
}

/// A comma-separated list of HTTP tokens; the first invalid item is the error.
fn parse_list(value: Option<&str>) -> Result<Vec<&str>, String> {
    value
        .unwrap_or("")
        .split(',')
        .map(|item| item.trim_matches([' ', '\t']))
        .filter(|item| !item.is_empty())
        .map(|item| {
            if is_token(item) {
                Ok(item)
            } else {
                Err(item.to_string())
            }
        })
        .collect()
}

/// Whether `item` is an HTTP token (a method or header name).
pub fn is_token(item: &str) -> bool {
    !item.is_empty()
        && item
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
