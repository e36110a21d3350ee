//! The patch: every failure repaired at once, safely, without narrowing, and re-judged.
use super::*;
use crate::browser::header_map;
use crate::browser::patch::apply;

fn preflighted(
    method: &str,
    headers: &[(&str, &str)],
    credentials: Credentials,
    preflight: Response,
) -> Exchange {
    Exchange {
        request: request(method, headers, credentials),
        preflight: Some(preflight),
        responses: vec![],
    }
}

fn edit(patch: &Patch, target: Target) -> &Edit {
    patch.edits.iter().find(|e| e.target == target).unwrap()
}

fn set<'a>(edit: &'a Edit, name: &str) -> Option<&'a str> {
    edit.set
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn all_allowed(patch: &Patch) -> bool {
    patch.allowed.len() == 3 && patch.allowed.iter().all(|(_, allowed)| *allowed)
}

#[test]
fn a_wildcard_with_credentials_gets_the_exact_origin_and_allow_credentials() {
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Include),
        preflight: None,
        responses: vec![response(API, 200, &[("Access-Control-Allow-Origin", "*")])],
    };
    let found = patch(&exchange);
    let response = edit(&found, Target::Response);
    assert_eq!(set(response, "access-control-allow-origin"), Some(PAGE));
    assert_eq!(
        set(response, "access-control-allow-credentials"),
        Some("true")
    );
    assert_eq!(set(response, "vary"), Some("Origin"));
    assert!(all_allowed(&found) && found.blocker.is_none());
    let fix = chromium(&predict(&exchange)).fix.clone().unwrap();
    assert!(
        fix.contains("set Access-Control-Allow-Credentials: true"),
        "{fix}"
    );
}

#[test]
fn a_cross_origin_redirect_gets_the_request_side_fix_never_null() {
    let other = "https://cdn.example.net/todos";
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Include),
        preflight: None,
        responses: vec![
            response(
                API,
                302,
                &[
                    ("Location", other),
                    ("Access-Control-Allow-Origin", PAGE),
                    ("Access-Control-Allow-Credentials", "true"),
                ],
            ),
            response(other, 200, &[]),
        ],
    };
    let found = patch(&exchange);
    assert!(found.edits.is_empty());
    assert_eq!(
        found.blocker,
        Some(Blocker::NullOrigin {
            url: Some(other.into())
        })
    );
    assert!(found.allowed.iter().all(|(_, allowed)| !allowed));
    let fix = chromium(&predict(&exchange)).fix.clone().unwrap();
    assert!(fix.contains(&format!("fetch {other} directly")), "{fix}");
    assert!(!fix.contains("Access-Control-Allow-Origin: null"), "{fix}");
}

#[test]
fn allow_credentials_sent_twice_is_set_once() {
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Include),
        preflight: None,
        responses: vec![response(
            API,
            200,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Vary", "Origin"),
                ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Allow-Credentials", "true"),
            ],
        )],
    };
    let found = patch(&exchange);
    assert_eq!(found.edits.len(), 1);
    assert_eq!(
        found.edits[0].set,
        h(&[("Access-Control-Allow-Credentials", "true")])
    );
    assert!(all_allowed(&found));
    let patched = apply(&exchange, &found.edits);
    assert_eq!(
        header_map::count(
            &patched.responses[0].headers,
            "access-control-allow-credentials"
        ),
        1
    );
}

#[test]
fn two_allow_origin_lines_become_one() {
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses: vec![response(
            API,
            200,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Origin", PAGE),
            ],
        )],
    };
    let found = patch(&exchange);
    assert!(all_allowed(&found));
    let patched = apply(&exchange, &found.edits);
    assert_eq!(
        header_map::count(&patched.responses[0].headers, "access-control-allow-origin"),
        1
    );
}

#[test]
fn a_method_in_the_wrong_case_is_respelt_and_the_text_says_why() {
    let exchange = preflighted(
        "PUT",
        &[],
        Credentials::Include,
        response(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Allow-Methods", "GET, put"),
            ],
        ),
    );
    let found = patch(&exchange);
    assert_eq!(
        set(
            edit(&found, Target::Preflight(None)),
            "access-control-allow-methods"
        ),
        Some("GET, PUT")
    );
    assert!(all_allowed(&found));
    let fix = chromium(&predict(&exchange)).fix.clone().unwrap();
    assert!(
        fix.contains("method names are case-sensitive: put does not allow PUT"),
        "{fix}"
    );
    assert!(!fix.contains("taken literally"), "no * was sent: {fix}");
}

#[test]
fn a_missing_method_and_a_missing_header_are_both_added_keeping_what_was_listed() {
    let exchange = preflighted(
        "PUT",
        &[("X-Api-Key", "k")],
        Credentials::Omit,
        response(
            API,
            200,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Methods", "GET, POST"),
                ("Access-Control-Allow-Headers", "Content-Type"),
            ],
        ),
    );
    let found = patch(&exchange);
    let preflight = edit(&found, Target::Preflight(None));
    assert_eq!(
        set(preflight, "access-control-allow-methods"),
        Some("GET, POST, PUT")
    );
    assert_eq!(
        set(preflight, "access-control-allow-headers"),
        Some("Content-Type, x-api-key")
    );
    assert_eq!(preflight.status, None, "a 2xx status stays");
    assert!(all_allowed(&found));
}

#[test]
fn the_literal_star_note_appears_only_where_a_star_was_sent() {
    let exchange = preflighted(
        "PUT",
        &[],
        Credentials::Include,
        response(
            API,
            200,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Credentials", "true"),
                ("Access-Control-Allow-Methods", "*"),
            ],
        ),
    );
    let found = patch(&exchange);
    assert_eq!(
        set(
            edit(&found, Target::Preflight(None)),
            "access-control-allow-methods"
        ),
        Some("*, PUT")
    );
    let fix = chromium(&predict(&exchange)).fix.clone().unwrap();
    assert!(
        fix.contains("with credentials a * there is taken literally, so list PUT by name"),
        "{fix}"
    );
}

#[test]
fn a_preflight_answered_404_gets_204_its_headers_and_the_unsent_response_too() {
    let exchange = preflighted(
        "PUT",
        &[("X-Api-Key", "k")],
        Credentials::Omit,
        response(API, 404, &[("Access-Control-Allow-Origin", PAGE)]),
    );
    let found = patch(&exchange);
    let preflight = edit(&found, Target::Preflight(None));
    assert_eq!(preflight.status, Some(204));
    assert_eq!(set(preflight, "access-control-allow-methods"), Some("PUT"));
    assert_eq!(
        set(preflight, "access-control-allow-headers"),
        Some("x-api-key")
    );
    assert_eq!(
        set(
            edit(&found, Target::Response),
            "access-control-allow-origin"
        ),
        Some(PAGE)
    );
    assert!(all_allowed(&found));
    // Each engine's fix is the same patch, whichever failure it met first.
    let p = predict(&exchange);
    assert!(p.engines.iter().all(|v| v.fix == chromium(&p).fix));
}

#[test]
fn a_redirected_preflight_is_answered_instead() {
    let exchange = preflighted(
        "PUT",
        &[],
        Credentials::Omit,
        response(API, 301, &[("Location", "/elsewhere")]),
    );
    let found = patch(&exchange);
    let preflight = edit(&found, Target::Preflight(None));
    assert_eq!(preflight.status, Some(204));
    assert_eq!(preflight.remove, vec!["Location".to_string()]);
    assert!(all_allowed(&found));
}

#[test]
fn an_unparsable_list_keeps_its_names() {
    let exchange = preflighted(
        "PUT",
        &[],
        Credentials::Omit,
        response(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Methods", "GET PUT"),
            ],
        ),
    );
    let found = patch(&exchange);
    assert_eq!(
        set(
            edit(&found, Target::Preflight(None)),
            "access-control-allow-methods"
        ),
        Some("GET, PUT")
    );
    assert!(all_allowed(&found));
}

#[test]
fn a_redirect_hop_gets_its_own_edit_and_an_existing_vary_is_kept() {
    let next = "https://api.example.com/todos/";
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses: vec![
            response(API, 308, &[("Location", next), ("Vary", "Accept-Encoding")]),
            response(next, 200, &[("Access-Control-Allow-Origin", PAGE)]),
        ],
    };
    let found = patch(&exchange);
    let hop = edit(&found, Target::Redirect(0));
    assert_eq!(set(hop, "vary"), Some("Accept-Encoding, Origin"));
    assert!(all_allowed(&found));
}

#[test]
fn a_redirect_loop_is_not_a_header_fix() {
    let responses = (0..=20)
        .map(|i| {
            response(
                &format!("{API}/{i}"),
                302,
                &[
                    ("Location", &format!("{API}/{}", i + 1)),
                    ("Access-Control-Allow-Origin", PAGE),
                ],
            )
        })
        .collect();
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses,
    };
    let found = patch(&exchange);
    assert_eq!(
        found.blocker,
        Some(Blocker::Failure(Failure::TooManyRedirects))
    );
    assert!(found.edits.is_empty(), "{:?}", found.edits);
    assert!(chromium(&predict(&exchange))
        .fix
        .as_deref()
        .unwrap()
        .contains("redirect loop"));
}

#[test]
fn a_refused_redirect_none_followed_gets_its_targets_response_too() {
    let exchange = Exchange {
        request: request("GET", &[], Credentials::Omit),
        preflight: None,
        responses: vec![response(API, 302, &[("Location", "/todos/final")])],
    };
    let found = patch(&exchange);
    assert_eq!(
        set(
            edit(&found, Target::Redirect(0)),
            "access-control-allow-origin"
        ),
        Some(PAGE)
    );
    let target = edit(&found, Target::Response);
    assert_eq!(set(target, "access-control-allow-origin"), Some(PAGE));
    assert_eq!(set(target, "vary"), Some("Origin"));
    assert!(all_allowed(&found));
    // To another origin the Origin sent is the model's to judge once that hop is seen.
    let away = Exchange {
        responses: vec![response(
            API,
            302,
            &[("Location", "https://cdn.example.net/todos")],
        )],
        ..exchange
    };
    assert!(patch(&away)
        .edits
        .iter()
        .all(|edit| edit.target != Target::Response));
}
