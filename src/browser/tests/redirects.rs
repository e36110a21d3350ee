//! Redirects: the CORS check at every hop, the tainted origin, the redirect limit.
use super::*;

#[test]
fn after_a_cross_origin_redirect_the_origin_is_null() {
    let other = "https://cdn.example.net/todos";
    let exchange = |final_acao: &str| Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses: vec![
            response(
                API,
                302,
                &[("Location", other), ("Access-Control-Allow-Origin", PAGE)],
            ),
            response(other, 200, &[("Access-Control-Allow-Origin", final_acao)]),
        ],
    };
    let p = predict(&exchange(PAGE));
    assert_eq!(
        chromium(&p).failure,
        Some(Failure::AllowOriginMismatch(PAGE.into()))
    );
    assert_eq!(chromium(&p).step, Some(Step::Response));
    assert!(chromium(&p).console.as_deref().unwrap().starts_with("Access to fetch at 'https://cdn.example.net/todos' (redirected from 'https://api.example.com/todos') from origin 'https://app.example.com'"));
    assert!(p.engines[2]
        .console
        .as_deref()
        .unwrap()
        .starts_with("Origin null is not allowed"));
    assert!(predict(&exchange("null")).engines.iter().all(|v| v.allowed));
    assert!(predict(&exchange("*")).engines.iter().all(|v| v.allowed));
}

#[test]
fn a_redirect_hop_without_allow_origin_fails_at_the_hop() {
    let p = predict(&Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses: vec![
            response("http://api.example.com/todos", 301, &[("Location", API)]),
            response(API, 200, &[("Access-Control-Allow-Origin", PAGE)]),
        ],
    });
    assert_eq!(chromium(&p).step, Some(Step::Redirect(0)));
}

#[test]
fn same_origin_requests_are_not_checked_until_they_leave_the_origin() {
    let mut r = request("PUT", &[("X-A", "1")], Credentials::Include);
    r.url = format!("{PAGE}/api");
    let p = predict(&Exchange {
        request: r,
        preflight: None,
        responses: vec![response(&format!("{PAGE}/api"), 200, &[])],
    });
    assert!(!p.cross_origin && !p.preflight.needed);
    assert!(p.engines.iter().all(|v| v.allowed));
}

#[test]
fn more_than_twenty_redirects_fail() {
    let hops: Vec<Response> = (0..22)
        .map(|i| {
            response(
                &format!("{API}/{i}"),
                302,
                &[("Location", "x"), ("Access-Control-Allow-Origin", PAGE)],
            )
        })
        .collect();
    let p = predict(&Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses: hops,
    });
    assert_eq!(chromium(&p).failure, Some(Failure::TooManyRedirects));
}

const OTHER: &str = "https://cdn.example.net/todos";

/// A request for `headers`, preflighted at the API, redirected to OTHER, which answers
/// the preflight sent to it with `target_preflight` and the request with `final_acao`.
fn redirected(
    headers: &[(&str, &str)],
    target_preflight: &[(&str, &str)],
    final_acao: &str,
) -> Prediction {
    let mut redirect = response(
        API,
        302,
        &[("Location", OTHER), ("Access-Control-Allow-Origin", PAGE)],
    );
    redirect.preflight = Some(Box::new(response(OTHER, 204, target_preflight)));
    predict(&Exchange {
        request: request("GET", headers, Credentials::Omit),
        preflight: Some(response(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Headers", "authorization, x-api-key"),
            ],
        )),
        responses: vec![
            redirect,
            response(OTHER, 200, &[("Access-Control-Allow-Origin", final_acao)]),
        ],
    })
}

#[test]
fn webkit_asks_the_redirect_target_for_authorization_and_chromium_asks_nothing() {
    let p = redirected(
        &[("Authorization", "Bearer t")],
        &[
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Headers", "X-Api-Key"),
        ],
        "*",
    );
    // Chromium drops Authorization and sends no second preflight; Firefox asks for no
    // header; WebKit still asks for authorization, which the target does not list.
    assert!(p.engines[0].allowed && p.engines[1].allowed);
    let webkit = &p.engines[2];
    assert_eq!(
        webkit.failure,
        Some(Failure::HeaderNotAllowed("authorization".into()))
    );
    assert_eq!((webkit.step, webkit.hop), (Some(Step::Preflight), Some(0)));
}

#[test]
fn firefox_sends_the_redirect_preflight_with_the_page_origin() {
    let allows = |origin| {
        [
            ("Access-Control-Allow-Origin", origin),
            ("Access-Control-Allow-Headers", "x-api-key"),
        ]
    };
    let only_null = redirected(&[("X-Api-Key", "k")], &allows("null"), "null");
    assert!(only_null.engines[0].allowed && only_null.engines[2].allowed);
    let firefox = &only_null.engines[1];
    assert_eq!(
        firefox.failure,
        Some(Failure::AllowOriginMismatch("null".into()))
    );
    assert_eq!(
        (firefox.step, firefox.hop),
        (Some(Step::Preflight), Some(0))
    );
    assert!(firefox.console.as_deref().unwrap().contains(OTHER));
    // The request itself carries null in every engine.
    let page_only = redirected(&[("X-Api-Key", "k")], &allows(PAGE), "null");
    assert!(page_only.engines[1].allowed);
    assert_eq!(
        page_only.engines[0].failure,
        Some(Failure::AllowOriginMismatch(PAGE.into()))
    );
}

#[test]
fn firefox_preflights_the_target_of_a_preflighted_request_even_without_its_headers() {
    let p = redirected(&[("Authorization", "Bearer t")], &[], "*");
    assert!(p.engines[0].allowed);
    assert_eq!(p.engines[1].failure, Some(Failure::MissingAllowOrigin));
    assert_eq!(p.engines[2].failure, Some(Failure::MissingAllowOrigin));
}

#[test]
fn a_simple_request_sends_no_redirect_preflight_and_a_failed_one_ends_the_exchange() {
    let simple = redirected(&[], &[], "*");
    assert!(simple.engines.iter().all(|v| v.allowed));
    // The target's preflight failed, so the exchange stops at the redirect.
    let mut redirect = response(
        API,
        307,
        &[("Location", OTHER), ("Access-Control-Allow-Origin", PAGE)],
    );
    redirect.preflight = Some(Box::new(response(OTHER, 404, &[])));
    let p = predict(&Exchange {
        request: request("PUT", &[], Credentials::Omit),
        preflight: Some(response(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Methods", "PUT"),
            ],
        )),
        responses: vec![redirect],
    });
    assert!(p
        .engines
        .iter()
        .all(|v| v.step == Some(Step::Preflight) && v.hop == Some(0)));
    assert_eq!(p.engines[2].failure, Some(Failure::PreflightStatus(404)));
}
