//! The CORS check and the preflight check, per engine.
use super::*;

#[test]
fn the_cors_check_in_each_engine() {
    let blocked = simple(Credentials::Omit, &[]);
    assert_eq!(
        chromium(&blocked).failure,
        Some(Failure::MissingAllowOrigin)
    );
    assert_eq!(
        chromium(&blocked).console.as_deref(),
        Some("Access to fetch at 'https://api.example.com/todos' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.")
    );
    assert_eq!(
        blocked.engines[1].console.as_deref(),
        Some("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/todos. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.")
    );
    assert!(
        simple(Credentials::Omit, &[("Access-Control-Allow-Origin", "*")])
            .engines
            .iter()
            .all(|v| v.allowed)
    );
    let star = simple(
        Credentials::Include,
        &[
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Credentials", "true"),
        ],
    );
    assert!(star
        .engines
        .iter()
        .all(|v| v.failure == Some(Failure::WildcardWithCredentials)));
    let no_acac = simple(
        Credentials::Include,
        &[("access-control-allow-origin", PAGE)],
    );
    assert_eq!(
        chromium(&no_acac).failure,
        Some(Failure::AllowCredentialsNotTrue(String::new()))
    );
    assert!(simple(
        Credentials::Include,
        &[
            ("Access-Control-Allow-Origin", PAGE),
            ("Access-Control-Allow-Credentials", "true")
        ]
    )
    .engines
    .iter()
    .all(|v| v.allowed));
}

#[test]
fn a_trailing_slash_is_a_mismatch_and_the_fix_says_so() {
    let p = simple(
        Credentials::Omit,
        &[("Access-Control-Allow-Origin", "https://app.example.com/")],
    );
    assert_eq!(
        chromium(&p).failure,
        Some(Failure::AllowOriginMismatch(
            "https://app.example.com/".into()
        ))
    );
    assert!(chromium(&p)
        .fix
        .as_deref()
        .unwrap()
        .contains("trailing slash"));
}

#[test]
fn two_allow_origin_headers_are_multiple_values() {
    let p = simple(
        Credentials::Omit,
        &[
            ("Access-Control-Allow-Origin", PAGE),
            ("Access-Control-Allow-Origin", PAGE),
        ],
    );
    assert!(p
        .engines
        .iter()
        .all(|v| matches!(v.failure, Some(Failure::MultipleAllowOrigin(_)))));
    assert!(chromium(&p)
        .console
        .as_deref()
        .unwrap()
        .contains("contains multiple values 'https://app.example.com, https://app.example.com'"));
}

fn put_with(preflight: Response, headers: &[(&str, &str)], credentials: Credentials) -> Prediction {
    predict(&Exchange {
        request: request("PUT", headers, credentials),
        preflight: Some(preflight),
        responses: vec![response(
            API,
            200,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Credentials", "true"),
            ],
        )],
    })
}

#[test]
fn a_refused_preflight_without_allow_origin_is_the_missing_header_error_in_chromium() {
    let p = put_with(response(API, 400, &[]), &[], Credentials::Omit);
    assert_eq!(chromium(&p).step, Some(Step::Preflight));
    assert_eq!(chromium(&p).failure, Some(Failure::MissingAllowOrigin));
    assert!(chromium(&p).console.as_deref().unwrap().contains("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin'"));
    assert_eq!(
        p.engines[2].failure,
        Some(Failure::PreflightStatus(400)),
        "WebKit judges the status first"
    );
}

#[test]
fn the_preflight_lists_and_their_wildcards() {
    let ok = [
        ("Access-Control-Allow-Origin", PAGE),
        ("Access-Control-Allow-Methods", "GET, PUT"),
    ];
    assert!(put_with(response(API, 204, &ok), &[], Credentials::Omit)
        .engines
        .iter()
        .all(|v| v.allowed));
    let p = put_with(
        response(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Methods", "GET"),
            ],
        ),
        &[],
        Credentials::Omit,
    );
    assert_eq!(
        chromium(&p).console.as_deref().unwrap().rsplit(": ").next(),
        Some("Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.")
    );
    let star = [
        ("Access-Control-Allow-Origin", PAGE),
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Allow-Methods", "*"),
        ("Access-Control-Allow-Headers", "*"),
    ];
    assert!(put_with(
        response(API, 204, &star),
        &[("X-Token", "1")],
        Credentials::Omit
    )
    .engines
    .iter()
    .all(|v| v.allowed));
    let literal = put_with(response(API, 204, &star), &[], Credentials::Include);
    assert_eq!(
        chromium(&literal).failure,
        Some(Failure::MethodNotAllowed("PUT".into())),
        "with credentials * is literal"
    );
    let bad = put_with(
        response(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", PAGE),
                ("Access-Control-Allow-Methods", "GET PUT"),
            ],
        ),
        &[],
        Credentials::Omit,
    );
    assert_eq!(
        chromium(&bad).failure,
        Some(Failure::InvalidAllowMethods("GET PUT".into()))
    );
}

#[test]
fn all_three_engines_let_authorization_through_a_wildcard_and_say_so() {
    let star = [
        ("Access-Control-Allow-Origin", PAGE),
        ("Access-Control-Allow-Methods", "PUT"),
        ("Access-Control-Allow-Headers", "*"),
    ];
    let p = put_with(
        response(API, 204, &star),
        &[("Authorization", "Bearer x")],
        Credentials::Omit,
    );
    assert!(p.engines.iter().all(|v| v.allowed && v.deviation.is_some()));
}

#[test]
fn max_age_caps_per_engine() {
    let hdrs = [
        ("Access-Control-Allow-Origin", PAGE),
        ("Access-Control-Allow-Methods", "PUT"),
        ("Access-Control-Max-Age", "86400"),
    ];
    let p = put_with(response(API, 204, &hdrs), &[], Credentials::Omit);
    let caps: Vec<_> = p
        .engines
        .iter()
        .map(|v| v.preflight_cache_seconds)
        .collect();
    assert_eq!(caps, [Some(7_200), Some(86_400), Some(600)]);
    assert_eq!(Engine::Firefox.preflight_cache_seconds(Some("ten")), 0);
    assert_eq!(Engine::Chromium.preflight_cache_seconds(Some("ten")), 5);
    assert_eq!(Engine::Webkit.preflight_cache_seconds(None), 5);
    assert_eq!(Engine::Chromium.preflight_cache_seconds(Some("-1")), 0);
}

#[test]
fn a_preflight_redirect_fails() {
    let p = put_with(
        response(
            API,
            301,
            &[
                ("Location", "https://api.example.com/todos/"),
                ("Access-Control-Allow-Origin", PAGE),
            ],
        ),
        &[],
        Credentials::Omit,
    );
    assert!(p
        .engines
        .iter()
        .all(|v| v.failure == Some(Failure::PreflightRedirect)));
}
