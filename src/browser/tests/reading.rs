//! Console lines read back: every line the model prints reads as its failure.
use super::*;
use crate::browser::console::{self, Context};

fn failures() -> Vec<Failure> {
    vec![
        Failure::MissingAllowOrigin,
        Failure::WildcardWithCredentials,
        Failure::MultipleAllowOrigin("https://a.example, https://b.example".into()),
        Failure::InvalidAllowOrigin("not an origin".into()),
        Failure::AllowOriginMismatch("https://app.example.com/".into()),
        Failure::AllowCredentialsNotTrue("".into()),
        Failure::PreflightStatus(401),
        Failure::PreflightRedirect,
        Failure::InvalidAllowMethods("G ET".into()),
        Failure::InvalidAllowHeaders("x y".into()),
        Failure::MethodNotAllowed("PUT".into()),
        Failure::HeaderNotAllowed("x-api-key".into()),
        Failure::RedirectWithCredentials("https://u:p@cdn.example.net/".into()),
        Failure::TooManyRedirects,
        Failure::RedirectScheme("data:text/plain,x".into()),
        Failure::RedirectScheme("ftp://cdn.example.net/x".into()),
    ]
}

fn step_of(failure: &Failure) -> Step {
    match failure.code() {
        "preflight-status"
        | "preflight-redirect"
        | "invalid-allow-methods"
        | "invalid-allow-headers"
        | "method-not-allowed"
        | "header-not-allowed" => Step::Preflight,
        "redirect-with-credentials" | "too-many-redirects" | "redirect-scheme" => Step::Redirect(0),
        _ => Step::Response,
    }
}

#[test]
fn every_line_the_model_prints_reads_back_as_its_failure() {
    for engine in Engine::ALL {
        for failure in failures() {
            for redirected_from in [None, Some("https://api.example.com/start")] {
                let steps = match step_of(&failure) {
                    Step::Response => vec![Step::Preflight, Step::Response],
                    other => vec![other],
                };
                for step in steps {
                    let cx = Context {
                        url: API,
                        redirected_from,
                        page_origin: PAGE,
                        sent_origin: PAGE,
                        status: 401,
                        step,
                    };
                    let line = console::line(engine, &failure, &cx);
                    let reading = read_console(&line).unwrap_or_else(|| panic!("unread: {line}"));
                    assert_eq!(reading.engine, Some(engine), "{line}");
                    let codes: Vec<&str> = std::iter::once(reading.failure)
                        .chain(reading.alternatives.iter().copied())
                        .collect();
                    assert!(codes.contains(&failure.code()), "{line}: {codes:?}");
                    if reading.generic {
                        continue;
                    }
                    if let Some(read_step) = reading.step {
                        assert_eq!(read_step.name(), step.name(), "{line}");
                    }
                    if engine == Engine::Chromium {
                        assert!(reading.step.is_some(), "{line}");
                    }
                    if line.starts_with("Access to fetch") {
                        assert_eq!(reading.origin.as_deref(), Some(PAGE), "{line}");
                    }
                    if engine != Engine::Webkit && !matches!(failure, Failure::RedirectScheme(_)) {
                        assert_eq!(reading.url.as_deref(), Some(API), "{line}");
                    }
                    if reading.value.is_some() {
                        assert_eq!(reading.value.as_deref(), failure.value(), "{line}");
                    }
                }
            }
        }
    }
}

#[test]
fn quotes_in_a_url_and_in_a_quoted_value_stay_in_place() {
    let line = "Access to fetch at 'https://api.example.com/it's?q=a' (redirected from 'https://api.example.com/x') from origin 'https://app.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://o'k.example' that is not equal to the supplied origin. Have the server send the header with a valid value.";
    let reading = read_console(line).unwrap();
    assert_eq!(
        reading.url.as_deref(),
        Some("https://api.example.com/it's?q=a")
    );
    assert_eq!(
        reading.redirected_from.as_deref(),
        Some("https://api.example.com/x")
    );
    assert_eq!(reading.value.as_deref(), Some("https://o'k.example"));
    assert_eq!(reading.failure, "allow-origin-mismatch");
}

#[test]
fn a_truncated_or_unknown_line_is_not_read() {
    let full = "Access to fetch at 'https://api.example.com/' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    assert!(read_console(full).is_some());
    for cut in [60, 120, full.len() - 1] {
        assert_eq!(read_console(&full[..cut]), None, "{}", &full[..cut]);
    }
    assert_eq!(read_console("Uncaught TypeError: x is undefined"), None);
    assert_eq!(read_console(""), None);
    assert_eq!(read_console("CORS error: SomethingNew"), None);
}

#[test]
fn the_local_network_and_mixed_content_lines_read() {
    let lna = read_console("Access to fetch at 'http://127.0.0.1:8000/x' from origin 'https://app.example.com' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space.").unwrap();
    assert_eq!(
        (lna.failure, lna.value.as_deref(), lna.step),
        ("local-network-access", Some("loopback"), None)
    );
    let mismatch = read_console("Access to fetch at 'http://127.0.0.1:8000/x' from origin 'https://app.example.com' has been blocked by CORS policy: Request had a target IP address space of `local` yet the resource is in address space `loopback`.").unwrap();
    assert_eq!(
        (mismatch.failure, mismatch.target_space.as_deref()),
        ("address-space-mismatch", Some("local"))
    );
    let insecure = read_console("Access to fetch at 'http://127.0.0.1:8000/x' from origin 'http://app.example.net' has been blocked by CORS policy: The request client is not a secure context and the resource is in more-private address space `local`.").unwrap();
    assert_eq!(insecure.failure, "insecure-private-network");
    let mixed = read_console("Mixed Content: The page at 'https://app.example.com/a/b' was loaded over HTTPS, but requested an insecure resource 'http://lan.example/x'. This request has been blocked; the content must be served over HTTPS.").unwrap();
    assert_eq!(
        (mixed.failure, mixed.url.as_deref(), mixed.origin.as_deref()),
        (
            "mixed-content",
            Some("http://lan.example/x"),
            Some("https://app.example.com")
        )
    );
}

#[test]
fn devtools_reasons_and_webkit_url_lines_read() {
    let r = read_console("CORS error: PreflightMissingAllowOriginHeader").unwrap();
    assert_eq!(
        (r.engine, r.failure, r.step, r.url),
        (None, "missing-allow-origin", Some(Step::Preflight), None)
    );
    assert_eq!(
        read_console("AllowOriginMismatch").unwrap().step,
        Some(Step::Response)
    );
    let webkit = read_console("Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 200\nFetch API cannot load https://api.example.com/x due to access control checks.").unwrap();
    assert_eq!(
        (
            webkit.failure,
            webkit.url.as_deref(),
            webkit.origin.as_deref(),
            webkit.status
        ),
        (
            "missing-allow-origin",
            Some("https://api.example.com/x"),
            Some("https://app.example.com"),
            Some(200)
        )
    );
    assert_eq!(
        webkit.alternatives,
        ["allow-origin-mismatch", "invalid-allow-origin"]
    );
    assert!(
        read_console("TypeError: NetworkError when attempting to fetch resource.")
            .unwrap()
            .generic
    );
}

#[test]
fn the_fix_of_a_read_line_is_the_models() {
    let r = read_console("Access to fetch at 'https://api.example.com/' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.").unwrap();
    let fix = reading_fix(&r, None);
    assert!(
        fix.starts_with(
            "Answer the OPTIONS preflight with 204 (or 200) and the CORS headers: route"
        ),
        "{fix}"
    );
    let firefox = read_console("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 500.").unwrap();
    assert_eq!(firefox.step, None);
    assert!(reading_fix(&firefox, Some("https://app.example.com"))
        .contains("Access-Control-Allow-Origin: https://app.example.com"));
    assert!(explanation(&firefox).contains("does not say whether"));
}

proptest::proptest! {
    /// Any text, template words mixed in included, is read or refused without a panic.
    #[test]
    fn any_text_is_read_or_refused(
        parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("Access to fetch at '".to_string()),
            proptest::strategy::Just("' (redirected from '".to_string()),
            proptest::strategy::Just("' from origin '".to_string()),
            proptest::strategy::Just("' has been blocked by CORS policy: ".to_string()),
            proptest::strategy::Just("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ".to_string()),
            proptest::strategy::Just("Status code: ".to_string()),
            proptest::strategy::Just("{value}".to_string()),
            "\\PC{0,12}",
        ], 0..12),
    ) {
        let text = parts.concat();
        if let Some(reading) = read_console(&text) {
            let _ = (explanation(&reading), reading_fix(&reading, None));
        }
    }
}
