//! The sans-IO walk: what each engine sends next, given the answers so far.
use super::*;

const TARGET: &str = "https://other.example.net/todos";

fn exchange(method: &str, preflight: Option<Response>, responses: Vec<Response>) -> Exchange {
    Exchange {
        request: request(method, &[("X-Api-Key", "k")], Credentials::SameOrigin),
        preflight,
        responses,
    }
}

fn header<'a>(outgoing: &'a Outgoing, name: &str) -> Option<&'a str> {
    outgoing
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn passing_preflight(url: &str) -> Response {
    response(
        url,
        204,
        &[
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Methods", "PUT"),
            ("Access-Control-Allow-Headers", "x-api-key"),
        ],
    )
}

#[test]
fn the_preflight_goes_first_then_the_actual_request_then_nothing() {
    let first = next_request(Engine::Chromium, &exchange("put", None, vec![])).unwrap();
    assert_eq!(first.purpose, Purpose::Preflight);
    assert_eq!(
        (first.method.as_str(), first.url.as_str()),
        ("OPTIONS", API)
    );
    assert_eq!(header(&first, "access-control-request-method"), Some("PUT"));
    assert_eq!(
        header(&first, "access-control-request-headers"),
        Some("x-api-key")
    );
    assert_eq!(header(&first, "x-api-key"), None);

    let preflighted = exchange("PUT", Some(passing_preflight(API)), vec![]);
    let actual = next_request(Engine::Chromium, &preflighted).unwrap();
    assert_eq!(
        (actual.purpose, actual.method.as_str()),
        (Purpose::Actual, "PUT")
    );
    assert_eq!(header(&actual, "origin"), Some(PAGE));
    assert_eq!(header(&actual, "x-api-key"), Some("k"));
    assert!(actual.body);

    let done = exchange(
        "PUT",
        Some(passing_preflight(API)),
        vec![response(API, 200, &[("Access-Control-Allow-Origin", "*")])],
    );
    assert_eq!(next_request(Engine::Chromium, &done), None);
}

#[test]
fn a_refused_preflight_ends_the_fetch() {
    let refused = exchange("PUT", Some(response(API, 404, &[])), vec![]);
    for engine in Engine::ALL {
        assert_eq!(next_request(engine, &refused), None, "{engine:?}");
    }
}

/// The case a user reported: PUT, 307 to another server whose OPTIONS answers 404.
#[test]
fn a_307_to_another_origin_is_preflighted_there_and_its_404_blocks() {
    let redirect = response(
        API,
        307,
        &[("Access-Control-Allow-Origin", "*"), ("Location", TARGET)],
    );
    let so_far = exchange("PUT", Some(passing_preflight(API)), vec![redirect.clone()]);
    let first_hop = next_request(Engine::Chromium, &so_far).unwrap();
    assert_eq!(
        (first_hop.purpose, first_hop.url.as_str()),
        (Purpose::Preflight, TARGET)
    );
    assert_eq!(header(&first_hop, "origin"), Some("null"));
    let firefox = next_request(Engine::Firefox, &so_far).unwrap();
    assert_eq!(header(&firefox, "origin"), Some(PAGE));

    let answered = exchange(
        "PUT",
        Some(passing_preflight(API)),
        vec![Response {
            preflight: Some(Box::new(response(TARGET, 404, &[]))),
            ..redirect
        }],
    );
    assert_eq!(next_request(Engine::Chromium, &answered), None);
    let verdict = chromium(&predict(&answered)).clone();
    assert!(!verdict.allowed);
    assert_eq!(verdict.failure.unwrap().code(), "missing-allow-origin");
    assert!(verdict
        .console
        .unwrap()
        .contains(&format!("(redirected from '{API}')")));
}

#[test]
fn a_303_turns_the_request_into_a_get_without_its_body() {
    let request = Request {
        url: API.into(),
        origin: PAGE.into(),
        method: "POST".into(),
        headers: h(&[("Content-Type", "text/plain")]),
        network: Default::default(),
        credentials: Credentials::SameOrigin,
    };
    let redirect = response(
        API,
        303,
        &[("Access-Control-Allow-Origin", "*"), ("Location", "/done")],
    );
    let next = next_request(
        Engine::Chromium,
        &Exchange {
            request,
            preflight: None,
            responses: vec![redirect],
        },
    )
    .unwrap();
    assert_eq!(next.url, "https://api.example.com/done");
    assert_eq!((next.method.as_str(), next.body), ("GET", false));
    assert_eq!(header(&next, "content-type"), None);
}

#[test]
fn a_redirect_to_a_scheme_other_than_http_is_not_followed() {
    let redirect = response(
        API,
        302,
        &[
            ("Access-Control-Allow-Origin", "*"),
            ("Location", "file:///etc/passwd"),
        ],
    );
    let so_far = Exchange {
        request: request("GET", &[], Credentials::SameOrigin),
        preflight: None,
        responses: vec![redirect],
    };
    assert_eq!(next_request(Engine::Chromium, &so_far), None);
    let verdicts = predict(&so_far);
    for verdict in &verdicts.engines {
        assert_eq!(
            verdict.failure,
            Some(Failure::RedirectScheme("file:///etc/passwd".into()))
        );
    }
    assert_eq!(
        verdicts.engines[0].console.as_deref(),
        Some(format!("Failed to load resource: net::ERR_UNSAFE_REDIRECT ({API})").as_str())
    );
}
