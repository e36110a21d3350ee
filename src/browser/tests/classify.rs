//! Which requests need a preflight, and which headers a page cannot send.
use super::*;

#[test]
fn safelisted_requests_need_no_preflight() {
    let asked = preflight_request(&request(
        "post",
        &[
            ("Content-Type", "text/plain;charset=UTF-8"),
            ("Accept", "*/*"),
        ],
        Credentials::Omit,
    ));
    assert_eq!(
        asked,
        PreflightRequest {
            needed: false,
            method: "POST".into(),
            headers: vec![]
        }
    );
}

#[test]
fn unsafe_methods_and_headers_need_one_with_sorted_lower_case_names() {
    let asked = preflight_request(&request(
        "patch",
        &[
            ("X-B", "1"),
            ("Content-Type", "application/json"),
            ("x-a", "2"),
        ],
        Credentials::Omit,
    ));
    assert!(asked.needed);
    assert_eq!(
        asked.method, "patch",
        "fetch() upper-cases only the six standard methods"
    );
    assert_eq!(asked.headers, ["content-type", "x-a", "x-b"]);
}

#[test]
fn a_value_over_128_bytes_or_a_total_over_1024_makes_safelisted_headers_unsafe() {
    let long = "a".repeat(129);
    assert_eq!(
        preflight_request(&request("GET", &[("Accept", &long)], Credentials::Omit)).headers,
        ["accept"]
    );
    let v = "a".repeat(128);
    let many = [
        ("Accept", v.as_str()),
        ("Accept-Language", v.as_str()),
        ("Content-Language", v.as_str()),
    ];
    assert!(!preflight_request(&request("GET", &many, Credentials::Omit)).needed);
    let big: Vec<(String, String)> = (0..9)
        .map(|i| {
            (
                format!("accept{}", if i == 0 { "" } else { "-language" }),
                "a".repeat(120),
            )
        })
        .collect();
    let mut r = request("GET", &[], Credentials::Omit);
    r.headers = big;
    assert_eq!(
        preflight_request(&r).headers,
        ["accept", "accept-language"],
        "9 x 120 bytes exceed 1,024"
    );
}

#[test]
fn forbidden_headers_are_dropped_with_a_reason() {
    assert!(forbidden_header_reason("Cookie", "a=1")
        .unwrap()
        .contains("forbidden"));
    assert!(forbidden_header_reason("Sec-Fetch-Mode", "cors")
        .unwrap()
        .contains("sec-"));
    assert!(forbidden_header_reason("X-HTTP-Method-Override", "TRACE").is_some());
    assert!(forbidden_header_reason("X-HTTP-Method-Override", "PUT").is_none());
    assert!(
        !preflight_request(&request(
            "GET",
            &[("Cookie", "a=1"), ("Origin", "x")],
            Credentials::Omit
        ))
        .needed
    );
}
