//! Origin RegExps read for their intent, and the advice they get.

use super::*;
use crate::js_regex::parse;

fn escaped(source: &str) -> Option<String> {
    suggest::escape_label_dots(&parse(source, "").unwrap().atoms)
}

fn suggestion(source: &str) -> Vec<String> {
    advise(source, "")
        .map(|advice| advice.suggestion)
        .unwrap_or_default()
}

#[test]
fn clear_intents_become_origin_entries() {
    assert_eq!(
        suggestion(r"^https:\/\/.*\.example.com$"),
        ["https://*.example.com"]
    );
    assert_eq!(
        suggestion(r":\/\/(.+\.)?example.com$"),
        ["https://example.com", "https://*.example.com"]
    );
    // Nothing before the domain: the RegExp matched its subdomains too, and so does the fix.
    assert_eq!(
        suggestion(r"example\.com$"),
        ["https://example.com", "https://*.example.com"]
    );
    assert_eq!(
        suggestion(r"example\.com"),
        ["https://example.com", "https://*.example.com"]
    );
    assert_eq!(suggestion(r"^example\.com$"), ["https://example.com"]);
    // A suffix anyone can publish under is left to the shared-host lint.
    assert_eq!(suggestion(r"\.vercel\.app$"), Vec::<String>::new());
    assert_eq!(suggestion(r"\.example\.com$"), ["https://*.example.com"]);
    assert_eq!(
        suggestion("localhost"),
        [
            "http://localhost",
            "http://localhost:*",
            "http://*.localhost",
            "http://*.localhost:*"
        ]
    );
    assert_eq!(
        suggestion(r"\.localhost(:\d+)?"),
        ["http://*.localhost", "http://*.localhost:*"]
    );
    assert_eq!(
        suggestion(r"^https?:\/\/(www\.)?example.com"),
        [
            "http://example.com",
            "http://www.example.com",
            "https://example.com",
            "https://www.example.com"
        ]
    );
}

#[test]
fn sound_regexps_get_no_advice() {
    for source in [
        r"^https:\/\/([a-z0-9-]+\.)*example\.com$",
        r"^http:\/\/localhost:\d+$",
        r"^https:\/\/(app|admin)\.example\.com$",
        r"^https:\/\/example\.com$",
    ] {
        assert_eq!(advise(source, ""), None, "{source}");
    }
}

#[test]
fn every_claim_is_checked_against_the_regexp() {
    let advice = advise(r"\.example\.com$", "").unwrap();
    assert!(
        advice
            .problems
            .iter()
            .all(|problem| !problem.contains(".evil.net")),
        "{advice:?}"
    );
    assert!(
        advice
            .problems
            .iter()
            .any(|problem| problem.contains("http://app.example.com")),
        "{advice:?}"
    );
}

#[test]
fn unclear_regexps_are_anchored_and_their_label_dots_escaped() {
    let advice = advise("^", "").unwrap();
    assert!(advice.problems[0].contains("https://evil.net"));
    assert_eq!(
        escaped(r"^https://.*\.example.com$").as_deref(),
        Some(r"^https://.*\.example\.com$")
    );
    assert_eq!(escaped(r"(.+\.)?a.b").as_deref(), Some(r"(.+\.)?a\.b"));
}
