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
