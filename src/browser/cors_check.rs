//! The *CORS check* (Fetch standard), as each engine words its outcome: does a response
//! carry an Access-Control-Allow-Origin (and, with credentials, -Allow-Credentials) that
//! lets `origin` read it?
use super::header_map;
use super::{Engine, Failure, Header};

const ACAO: &str = "access-control-allow-origin";
const ACAC: &str = "access-control-allow-credentials";

/// `origin` is the Origin the request carried: the page's, or `null` after a cross-origin
/// redirect. `include` is the credentials mode `include`.
pub fn check(
    engine: Engine,
    headers: &[Header],
    origin: &str,
    include: bool,
) -> Result<(), Failure> {
    if engine == Engine::Firefox && header_map::count(headers, ACAO) > 1 {
        return Err(Failure::MultipleAllowOrigin(
            header_map::get(headers, ACAO)
                .unwrap_or_default()
                .into_owned(),
        ));
    }
    let Some(allow_origin) = header_map::get(headers, ACAO) else {
        return Err(Failure::MissingAllowOrigin);
    };
    if allow_origin == "*" && !include {
        return Ok(());
    }
    if allow_origin != origin {
        return Err(mismatch(engine, allow_origin.into_owned()));
    }
    if include {
        let allow_credentials = header_map::get(headers, ACAC).unwrap_or_default();
        if allow_credentials != "true" {
            return Err(Failure::AllowCredentialsNotTrue(
                allow_credentials.into_owned(),
            ));
        }
    }
    Ok(())
}

fn mismatch(engine: Engine, allow_origin: String) -> Failure {
    if allow_origin == "*" {
        return Failure::WildcardWithCredentials;
    }
    match engine {
        Engine::Chromium if allow_origin.contains([' ', ',']) => {
            Failure::MultipleAllowOrigin(allow_origin)
        }
        Engine::Chromium if allow_origin != "null" && !looks_like_url(&allow_origin) => {
            Failure::InvalidAllowOrigin(allow_origin)
        }
        Engine::Webkit if allow_origin.contains(',') => Failure::MultipleAllowOrigin(allow_origin),
        _ => Failure::AllowOriginMismatch(allow_origin),
    }
}

/// Roughly what Chromium's URL parser accepts: a scheme, then for http(s) a host.
fn looks_like_url(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !scheme_ok {
        return false;
    }
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        return rest
            .trim_start_matches('/')
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|host| !host.is_empty());
    }
    true
}
