//! Properties of the browser model over generated exchanges.
use proptest::prelude::*;

use super::*;

const PAGE: &str = "https://app.example.com";

fn header() -> impl Strategy<Value = Header> {
    let name = prop_oneof![
        Just("Access-Control-Allow-Origin".to_string()),
        Just("Access-Control-Allow-Credentials".to_string()),
        Just("Access-Control-Allow-Methods".to_string()),
        Just("Access-Control-Allow-Headers".to_string()),
        Just("Location".to_string()),
        "[A-Za-z-]{1,12}",
    ];
    let value = prop_oneof![
        Just(PAGE.to_string()),
        Just("*".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("https://app.example.com/".to_string()),
        "\\PC{0,24}",
    ];
    (name, value)
}

fn response() -> impl Strategy<Value = Response> {
    let url = prop_oneof![
        Just("https://api.example.com/a".to_string()),
        Just("https://cdn.example.net/b".to_string()),
        Just(format!("{PAGE}/c")),
        "\\PC{0,20}"
    ];
    (
        url,
        prop_oneof![
            Just(200u16),
            Just(204),
            Just(302),
            Just(400),
            Just(500),
            any::<u16>()
        ],
        proptest::collection::vec(header(), 0..6),
    )
        .prop_map(|(url, status, headers)| Response {
            url,
            status,
            headers,
            preflight: None,
        })
}

/// A response of the actual request, perhaps with the preflight sent to its redirect's target.
fn hop() -> impl Strategy<Value = Response> {
    (response(), proptest::option::of(response())).prop_map(|(mut hop, preflight)| {
        hop.preflight = preflight.map(Box::new);
        hop
    })
}

fn exchange() -> impl Strategy<Value = Exchange> {
    let credentials = prop_oneof![
        Just(Credentials::Omit),
        Just(Credentials::SameOrigin),
        Just(Credentials::Include)
    ];
    let method = prop_oneof![
        Just("GET".to_string()),
        Just("PUT".to_string()),
        Just("patch".to_string()),
        "\\PC{0,8}"
    ];
    let headers = proptest::collection::vec(("[A-Za-z-]{1,16}", "\\PC{0,200}"), 0..5);
    (
        credentials,
        method,
        headers,
        proptest::option::of(response()),
        proptest::collection::vec(hop(), 1..4),
    )
        .prop_map(
            |(credentials, method, headers, preflight, responses)| Exchange {
                request: Request {
                    url: "https://api.example.com/a".into(),
                    origin: PAGE.into(),
                    method,
                    headers,
                    network: Default::default(),
                    credentials,
                },
                preflight,
                responses,
            },
        )
}

fn has(response: &Response, name: &str) -> bool {
    response
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case(name))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn a_final_response_without_allow_origin_is_never_allowed(mut exchange in exchange()) {
        exchange.responses.truncate(1);
        exchange.responses[0].headers.retain(|(n, _)| !n.eq_ignore_ascii_case("access-control-allow-origin"));
        for verdict in predict(&exchange).engines {
            prop_assert!(!verdict.allowed);
            prop_assert!(verdict.console.is_some() && verdict.fix.is_some());
        }
    }

    #[test]
    fn credentials_with_a_wildcard_allow_origin_are_never_allowed(mut exchange in exchange()) {
        exchange.request.credentials = Credentials::Include;
        exchange.responses.truncate(1);
        exchange.responses[0].headers.retain(|(n, _)| !n.eq_ignore_ascii_case("access-control-allow-origin"));
        exchange.responses[0].headers.push(("Access-Control-Allow-Origin".into(), "*".into()));
        prop_assert!(predict(&exchange).engines.iter().all(|v| !v.allowed));
    }

    #[test]
    fn every_verdict_is_consistent_and_nothing_panics(exchange in exchange()) {
        let prediction = predict(&exchange);
        prop_assert_eq!(prediction.engines.len(), 3);
        for verdict in &prediction.engines {
            prop_assert_eq!(verdict.allowed, verdict.failure.is_none());
            prop_assert_eq!(verdict.allowed, verdict.console.is_none());
            if verdict.allowed && prediction.preflight.needed && exchange.preflight.is_some() {
                prop_assert!(has(exchange.preflight.as_ref().unwrap(), "access-control-allow-origin"));
            }
        }
    }

    #[test]
    fn preflight_header_names_are_lower_case_sorted_and_unique(exchange in exchange()) {
        let asked = preflight_request(&exchange.request);
        let mut sorted = asked.headers.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&asked.headers, &sorted);
        prop_assert!(asked.headers.iter().all(|n| *n == n.to_ascii_lowercase()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn a_patch_is_safe_and_lets_every_engine_through_unless_it_says_why_not(exchange in exchange()) {
        // fetch() throws on a method that is not a token; no answer can allow one.
        prop_assume!(preflight::is_token(&exchange.request.method));
        let found = patch(&exchange);
        for edit in &found.edits {
            for (name, value) in &edit.set {
                if name.eq_ignore_ascii_case("access-control-allow-origin") {
                    prop_assert_eq!(value.as_str(), PAGE);
                }
            }
        }
        if found.blocker.is_none() {
            prop_assert!(found.allowed.iter().all(|(_, allowed)| *allowed), "{:?}", found);
        }
    }
}
