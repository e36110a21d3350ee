//! The model's rules, engine by engine, on whole exchanges.
use super::*;
use crate::browser::{Request, Response};

const NOW: i64 = 1_800_000_000;
const PAGE: &str = "https://app.example.com";
const SAME_SITE_API: &str = "https://api.example.com/session";
const CROSS_SITE_API: &str = "https://api.other.test/session";

fn exchange(page: &str, urls: &[&str], set_cookie: &[&str], credentials: Credentials) -> Exchange {
    let responses = urls
        .iter()
        .enumerate()
        .map(|(index, url)| Response {
            url: url.to_string(),
            status: if index + 1 < urls.len() { 302 } else { 200 },
            headers: if index == 0 {
                set_cookie
                    .iter()
                    .map(|v| ("Set-Cookie".to_string(), v.to_string()))
                    .collect()
            } else {
                vec![]
            },
            preflight: None,
        })
        .collect();
    Exchange {
        request: Request {
            url: urls[0].to_string(),
            origin: page.to_string(),
            method: "GET".into(),
            headers: vec![],
            credentials,
            network: Default::default(),
        },
        preflight: None,
        responses,
    }
}

/// `(stored, sent)` per profile, in `Profile::ALL` order, for one Set-Cookie.
fn outcome(page: &str, url: &str, header: &str, credentials: Credentials) -> Vec<(bool, bool)> {
    let reports = judge(&exchange(page, &[url], &[header], credentials), &[], NOW);
    reports[0]
        .engines
        .iter()
        .map(|v| (v.stored, v.sent))
        .collect()
}

fn included(page: &str, url: &str, header: &str) -> Vec<(bool, bool)> {
    outcome(page, url, header, Credentials::Include)
}

fn reasons(page: &str, url: &str, header: &str) -> Vec<String> {
    let reports = judge(
        &exchange(page, &[url], &[header], Credentials::Include),
        &[],
        NOW,
    );
    reports[0]
        .engines
        .iter()
        .map(|v| v.reason.clone().unwrap_or_default())
        .collect()
}

const BOTH: (bool, bool) = (true, true);
const NEITHER: (bool, bool) = (false, false);
const STORED_ONLY: (bool, bool) = (true, false);

#[test]
fn same_site_apis_work_everywhere() {
    for header in [
        "sid=1",
        "sid=1; SameSite=Lax",
        "sid=1; SameSite=Strict; Secure; HttpOnly",
        "sid=1; Domain=example.com",
    ] {
        assert_eq!(
            included(PAGE, SAME_SITE_API, header),
            vec![BOTH; 4],
            "{header}"
        );
    }
}

#[test]
fn cross_site_session_cookie_per_engine() {
    // Chromium blocks third-party cookies by default; allowed, None; Secure works; Firefox
    // partitions (sent back from the same page); WebKit stores nothing.
    assert_eq!(
        included(PAGE, CROSS_SITE_API, "sid=1; SameSite=None; Secure"),
        vec![NEITHER, BOTH, BOTH, NEITHER]
    );
    assert_eq!(
        reasons(PAGE, CROSS_SITE_API, "sid=1; SameSite=None; Secure")[0],
        "UserPreferences"
    );
    // Partitioned (CHIPS): Chromium stores it either way; WebKit does not support it.
    assert_eq!(
        included(
            PAGE,
            CROSS_SITE_API,
            "sid=1; SameSite=None; Secure; Partitioned"
        ),
        vec![BOTH, BOTH, BOTH, NEITHER]
    );
}

#[test]
fn samesite_defaults_differ() {
    // No SameSite: Lax in Chromium, None in Firefox (partitioned) and WebKit (refused as third party).
    assert_eq!(
        included(PAGE, CROSS_SITE_API, "sid=1; Secure"),
        vec![NEITHER, NEITHER, BOTH, NEITHER]
    );
    assert_eq!(
        reasons(PAGE, CROSS_SITE_API, "sid=1; Secure")[1],
        "SameSiteUnspecifiedTreatedAsLax"
    );
    let lax = reasons(PAGE, CROSS_SITE_API, "xs_lax=1; SameSite=Lax; Secure");
    assert_eq!(lax[1], "SameSiteLax");
    assert_eq!(lax[2], "Cookie “xs_lax” has been rejected because it is in a cross-site context and its “SameSite” is “Lax” or “Strict”.");
    assert_eq!(
        included(PAGE, CROSS_SITE_API, "s=1; SameSite=Strict; Secure"),
        vec![NEITHER; 4]
    );
}

#[test]
fn samesite_none_needs_secure_except_in_webkit() {
    assert_eq!(
        included(PAGE, SAME_SITE_API, "xs_nonens=1; SameSite=None"),
        vec![NEITHER, NEITHER, NEITHER, BOTH]
    );
    let text = reasons(PAGE, SAME_SITE_API, "xs_nonens=1; SameSite=None");
    assert_eq!(text[0], "SameSiteNoneInsecure");
    assert_eq!(text[2], "Cookie “xs_nonens” rejected because it has the “SameSite=None” attribute but is missing the “secure” attribute.");
}

#[test]
fn schemeful_same_site_is_chromium_only() {
    let page = "http://app.example.com";
    assert_eq!(
        included(page, SAME_SITE_API, "sid=1; SameSite=Lax"),
        vec![NEITHER, NEITHER, BOTH, BOTH]
    );
    assert_eq!(
        reasons(page, SAME_SITE_API, "sid=1; SameSite=Lax")[0],
        "SchemefulSameSiteLax"
    );
}

#[test]
fn prefixes_are_enforced_except_in_webkit() {
    for header in [
        "__Host-sid=1; Secure; Path=/; Domain=example.com",
        "__Secure-sid=1",
        "__host-sid=1; Secure",
    ] {
        assert_eq!(
            included(PAGE, SAME_SITE_API, header),
            vec![NEITHER, NEITHER, NEITHER, BOTH],
            "{header}"
        );
    }
    assert_eq!(
        reasons(PAGE, SAME_SITE_API, "__Secure-sid=1")[2],
        "Cookie “__Secure-sid” has been rejected for invalid prefix."
    );
    assert_eq!(
        included(PAGE, SAME_SITE_API, "__Host-sid=1; Secure; Path=/"),
        vec![BOTH; 4]
    );
}

#[test]
fn secure_over_http() {
    let page = "http://app.example.com";
    let api = "http://api.example.com/session";
    assert_eq!(included(page, api, "hs_sec=1; Secure"), vec![NEITHER; 4]);
    assert_eq!(reasons(page, api, "hs_sec=1; Secure")[0], "SecureOnly");
    assert_eq!(
        reasons(page, api, "hs_sec=1; Secure")[2],
        "Cookie “hs_sec” has been rejected because a non-HTTPS cookie can’t be set as “secure”."
    );
    // Loopback is secure for Chromium and Firefox, not for libsoup.
    assert_eq!(
        included(
            "http://localhost:3000",
            "http://localhost:8000/s",
            "sid=1; Secure"
        ),
        vec![BOTH, BOTH, BOTH, NEITHER]
    );
}

#[test]
fn localhost_and_loopback_ip_are_different_sites() {
    assert_eq!(
        included(
            "http://localhost:3000",
            "http://localhost:8000/s",
            "sid=1; SameSite=Lax"
        ),
        vec![BOTH; 4]
    );
    assert_eq!(
        included(
            "http://localhost:3000",
            "http://127.0.0.1:8000/s",
            "sid=1; SameSite=Lax"
        ),
        vec![NEITHER; 4]
    );
}

#[test]
fn domains() {
    assert_eq!(
        included(PAGE, SAME_SITE_API, "sid=1; Domain=other.test"),
        vec![NEITHER; 4]
    );
    assert_eq!(
        reasons(PAGE, SAME_SITE_API, "sid=1; Domain=com")[2],
        "Cookie “sid” has been rejected for invalid domain."
    );
    assert_eq!(
        included(PAGE, SAME_SITE_API, "sid=1; Domain=.EXAMPLE.com"),
        vec![BOTH; 4]
    );
}

#[test]
fn deletion_and_size() {
    assert_eq!(
        included(PAGE, SAME_SITE_API, "sid=; Max-Age=0"),
        vec![NEITHER; 4]
    );
    assert!(reasons(PAGE, SAME_SITE_API, "sid=; Max-Age=0")[2]
        .starts_with("Max-Age=0 or a past Expires"));
    let big = format!("big={}", "v".repeat(4094));
    assert_eq!(included(PAGE, SAME_SITE_API, &big), vec![NEITHER; 4]);
    assert_eq!(
        reasons(PAGE, SAME_SITE_API, &big)[0],
        "NameValuePairExceedsMaxSize"
    );
    assert_eq!(
        reasons(PAGE, SAME_SITE_API, &big)[2],
        "Cookie “big” is invalid because its size is too big. Max size is 4096 B."
    );
}

#[test]
fn credentials_modes() {
    for mode in [Credentials::SameOrigin, Credentials::Omit] {
        assert_eq!(
            outcome(PAGE, SAME_SITE_API, "sid=1", mode),
            vec![NEITHER; 4]
        );
    }
    // Same-origin: 'same-origin' stores and sends, 'omit' ignores Set-Cookie too.
    let own = "https://app.example.com/session";
    assert_eq!(
        outcome(PAGE, own, "sid=1", Credentials::SameOrigin),
        vec![BOTH; 4]
    );
    assert_eq!(
        outcome(PAGE, own, "sid=1", Credentials::Omit),
        vec![NEITHER; 4]
    );
    let report = &judge(
        &exchange(PAGE, &[SAME_SITE_API], &["sid=1"], Credentials::SameOrigin),
        &[],
        NOW,
    )[0];
    assert!(report.engines[0]
        .fix
        .as_deref()
        .unwrap()
        .contains("credentials: 'include'"));
}

#[test]
fn cookies_held_from_a_first_party_visit() {
    let held = |header: &str, page: &str, url: &str| -> Vec<(bool, bool)> {
        let reports = judge(
            &exchange(page, &[url], &[], Credentials::Include),
            &[header.to_string()],
            NOW,
        );
        assert_eq!(reports[0].set_by, None);
        reports[0]
            .engines
            .iter()
            .map(|v| (v.stored, v.sent))
            .collect()
    };
    // Cross-site: only Chromium with third-party cookies allowed and WebKit send it.
    assert_eq!(
        held("sid=1; SameSite=None; Secure", PAGE, CROSS_SITE_API),
        vec![STORED_ONLY, BOTH, STORED_ONLY, BOTH]
    );
    assert_eq!(
        held("sid=1; Secure", PAGE, CROSS_SITE_API),
        vec![STORED_ONLY, STORED_ONLY, STORED_ONLY, BOTH]
    );
    assert_eq!(
        held("sid=1; SameSite=Lax", PAGE, CROSS_SITE_API),
        vec![STORED_ONLY; 4]
    );
    // A partitioned first-party cookie belongs to the API's own site: WebKit still sends it.
    assert_eq!(
        held(
            "sid=1; SameSite=None; Secure; Partitioned",
            PAGE,
            CROSS_SITE_API
        ),
        vec![STORED_ONLY, STORED_ONLY, STORED_ONLY, BOTH]
    );
    assert_eq!(
        held("sid=1; SameSite=Lax", PAGE, SAME_SITE_API),
        vec![BOTH; 4]
    );
    assert_eq!(
        held("sid=1; Path=/admin", PAGE, SAME_SITE_API)[0],
        STORED_ONLY
    );
}

#[test]
fn redirect_hops_are_judged_against_their_own_urls() {
    // The login answers 302 from the cross-site API to the same-site one: each hop's cookie
    // is judged where it was set, and a cookie set by the first hop is carried to the later
    // hops of the repeat.
    let mut walk = exchange(
        PAGE,
        &[CROSS_SITE_API, SAME_SITE_API],
        &["a=1; SameSite=Lax"],
        Credentials::Include,
    );
    walk.responses[1]
        .headers
        .push(("Set-Cookie".into(), "b=1; SameSite=Lax".into()));
    let reports = judge(&walk, &[], NOW);
    assert_eq!(reports[0].set_by.as_deref(), Some(CROSS_SITE_API));
    assert!(reports[0].engines.iter().all(|v| !v.stored));
    assert_eq!(reports[1].set_by.as_deref(), Some(SAME_SITE_API));
    assert!(reports[1].engines.iter().all(|v| v.stored && v.sent));
    // 'same-origin' after a hop to another origin no longer stores cookies.
    let own = "https://app.example.com/session";
    let mut back = exchange(PAGE, &[SAME_SITE_API, own], &[], Credentials::SameOrigin);
    back.responses[1]
        .headers
        .push(("Set-Cookie".into(), "c=1".into()));
    assert!(judge(&back, &[], NOW)[0].engines.iter().all(|v| !v.stored));
}

#[test]
fn reports_are_bounded_and_unreadable_headers_reported() {
    let many: Vec<String> = (0..100).map(|i| format!("c{i}=1")).collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(
        judge(
            &exchange(PAGE, &[SAME_SITE_API], &refs, Credentials::Include),
            &[],
            NOW
        )
        .len(),
        MAX_COOKIES
    );
    let report = &judge(
        &exchange(PAGE, &[SAME_SITE_API], &["=;"], Credentials::Include),
        &[],
        NOW,
    )[0];
    assert_eq!(report.cookie, Err(Unreadable::Empty));
    assert_eq!(report.engines[0].reason.as_deref(), Some("NoCookieContent"));
}

#[test]
fn the_cross_site_note() {
    let note = cross_site_note(PAGE, CROSS_SITE_API).unwrap();
    assert!(note.contains("https://api.other.test") && note.contains(CROSS_SITE_FIX));
    assert_eq!(cross_site_note(PAGE, SAME_SITE_API), None);
    assert_eq!(cross_site_note("null", SAME_SITE_API), None);
}

#[test]
fn sites_under_an_unlisted_top_level_name() {
    let page = "https://app.other.test";
    // One site for Domain and third-party rules everywhere; WebKit's SameSite sees two.
    assert_eq!(
        included(page, CROSS_SITE_API, "a=1; SameSite=Lax"),
        vec![BOTH, BOTH, BOTH, NEITHER]
    );
    assert_eq!(
        included(page, CROSS_SITE_API, "a=1; Domain=other.test"),
        vec![BOTH; 4]
    );
    // Cross-site from app.example.com, Domain=other.test is valid: Firefox keeps it in the
    // partition, Chromium with third-party cookies allowed stores it.
    assert_eq!(
        included(
            PAGE,
            CROSS_SITE_API,
            "a=1; Domain=other.test; SameSite=None; Secure"
        ),
        vec![NEITHER, BOTH, BOTH, NEITHER]
    );
}
