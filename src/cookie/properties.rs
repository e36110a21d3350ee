//! Properties of the cookie model over generated exchanges and headers.
use proptest::prelude::*;

use super::*;
use crate::browser::{Request, Response};

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://app.example.com/login".to_string()),
        Just("https://api.example.com/v1/session".to_string()),
        Just("https://api.other.test/session".to_string()),
        Just("http://localhost:8000/s".to_string()),
        Just("http://127.0.0.1:8000/s".to_string()),
        Just("http://app.example.com/".to_string()),
        "\\PC{0,24}",
    ]
}

fn set_cookie() -> impl Strategy<Value = String> {
    let attribute = prop_oneof![
        Just("Secure".to_string()),
        Just("HttpOnly".to_string()),
        Just("Partitioned".to_string()),
        Just("SameSite=None".to_string()),
        Just("SameSite=Lax".to_string()),
        Just("samesite=STRICT".to_string()),
        Just("Path=/".to_string()),
        Just("Domain=example.com".to_string()),
        Just("Domain=.other.test".to_string()),
        Just("Max-Age=0".to_string()),
        Just("Expires=Thu, 01 Jan 1970 00:00:00 GMT".to_string()),
        "\\PC{0,30}",
    ];
    let name = prop_oneof![
        Just("sid".to_string()),
        Just("__Host-sid".to_string()),
        Just("__Secure-sid".to_string()),
        "\\PC{0,12}"
    ];
    (
        name,
        "\\PC{0,12}",
        proptest::collection::vec(attribute, 0..5),
    )
        .prop_map(|(name, value, attributes)| {
            std::iter::once(format!("{name}={value}"))
                .chain(attributes)
                .collect::<Vec<_>>()
                .join("; ")
        })
}

fn exchange() -> impl Strategy<Value = (Exchange, Vec<String>)> {
    let page = prop_oneof![
        Just("https://app.example.com".to_string()),
        Just("http://localhost:3000".to_string()),
        Just("null".to_string()),
        "\\PC{0,16}",
    ];
    let credentials = prop_oneof![
        Just(Credentials::Omit),
        Just(Credentials::SameOrigin),
        Just(Credentials::Include)
    ];
    let hop = (url(), proptest::collection::vec(set_cookie(), 0..3));
    (
        page,
        credentials,
        proptest::collection::vec(hop, 1..3),
        proptest::collection::vec(set_cookie(), 0..2),
    )
        .prop_map(|(origin, credentials, hops, held)| {
            let responses: Vec<Response> = hops
                .into_iter()
                .map(|(url, cookies)| Response {
                    url,
                    status: 200,
                    headers: cookies
                        .into_iter()
                        .map(|c| ("Set-Cookie".to_string(), c))
                        .collect(),
                    preflight: None,
                })
                .collect();
            let request = Request {
                url: responses[0].url.clone(),
                origin,
                method: "GET".into(),
                headers: vec![],
                credentials,
                network: Default::default(),
            };
            (
                Exchange {
                    request,
                    preflight: None,
                    responses,
                },
                held,
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_verdict_is_consistent_and_nothing_panics((exchange, held) in exchange()) {
        for report in judge(&exchange, &held, 1_800_000_000) {
            prop_assert_eq!(report.engines.len(), 4);
            for verdict in &report.engines {
                prop_assert!(!verdict.sent || verdict.stored);
                let works = verdict.stored && verdict.sent;
                prop_assert_eq!(works, verdict.reason.is_none());
                prop_assert_eq!(works, verdict.fix.is_none());
            }
        }
    }

    #[test]
    fn omit_stores_and_sends_nothing((mut exchange, _) in exchange()) {
        exchange.request.credentials = Credentials::Omit;
        for report in judge(&exchange, &[], 1_800_000_000) {
            prop_assert!(report.engines.iter().all(|v| !v.stored && !v.sent));
        }
    }

    #[test]
    fn webkit_stores_nothing_from_another_site((mut exchange, _) in exchange()) {
        exchange.request.origin = "https://app.example.com".into();
        exchange.request.credentials = Credentials::Include;
        for report in judge(&exchange, &[], 1_800_000_000) {
            let from_other_site = report.set_by.as_deref().is_some_and(|url| url.starts_with("https://api.other.test"));
            prop_assert!(!(from_other_site && report.engines[3].stored));
        }
    }

    #[test]
    fn any_text_parses_or_is_refused_without_panicking(header in "\\PC{0,200}", date in "\\PC{0,60}") {
        let _ = parse(&header);
        let _ = date::parse(&date);
    }
}
