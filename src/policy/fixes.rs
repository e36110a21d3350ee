//! What to change in the options so that a refused request is allowed, if it should be: the
//! option as edited, every configured entry kept. A refusal may be on purpose, so the fix is
//! conditional; `null` is never to be allowed, and `*` or an origin function answering true
//! for every origin is never the fix.

use crate::browser::Failure;
use crate::origin::entry::{classify, Entry};
use crate::origin::list::OriginList;
use crate::origin::rule::OriginRule;
use crate::origin::Origin;

/// The most entries a fix writes out; a longer list is named by its length.
const ENTRIES_SHOWN: usize = 8;
/// The most characters of a request's value (Origin, method, header name) a fix quotes.
const REQUEST_VALUE_SHOWN: usize = 100;

const NULL_FIX: &str = "an Origin of null comes from a sandboxed iframe, a file: or data: page, or a request redirected to another origin; do not allow \"null\", which any page can send: serve the page from an http(s) origin of its own and allow that origin, or request the final URL directly instead of one that redirects";

/// The fix for a request from `origin` that the rule refuses, or None for a rule that refuses
/// no origin (`'*'`, `true`).
pub fn origin_fix(rule: &OriginRule, origin: &str) -> Option<String> {
    if let Some(fix) = unsendable(origin) {
        return Some(fix);
    }
    Some(match rule {
        OriginRule::Any | OriginRule::Reflect => return None,
        OriginRule::List(list) => list_fix(list, origin, "origin: "),
        OriginRule::Fixed(raw) => fixed_fix(raw, origin),
        OriginRule::Disabled => format!(
            "origin: false turns CORS off; if {origin} should be allowed, set origin: [{}]",
            js(origin)
        ),
        OriginRule::Dynamic => format!(
            "the origin function decides: if {origin} should be allowed, have it answer true for {origin} (or a list holding {}), not for every origin",
            js(origin)
        ),
    })
}

/// The fix for a request with credentials from `origin` that the policy allows, but not with
/// credentials (`credentials: false`, or `'*'`, which browsers refuse with credentials). Never
/// `'*'` or every origin with credentials: an origin rule allowing any origin becomes a list.
pub fn credentials_fix(rule: &OriginRule, origin: &str) -> String {
    if let Some(fix) = unsendable(origin) {
        return fix;
    }
    match rule.allows_any() {
        true => format!(
            "credentials need the origins listed (browsers refuse '*' with them, and allowing every origin with them lets any site read your users' data): if {origin} should send cookies, set origin: [{}], credentials: true",
            js(origin)
        ),
        false => format!("if {origin} should send cookies, set credentials: true"),
    }
}

/// The fix for a request from `origin` that the list an origin function answered refuses.
pub fn answered_list_fix(list: &OriginList, origin: &str) -> String {
    unsendable(origin).unwrap_or_else(|| list_fix(list, origin, "have the origin function answer "))
}

/// The fix for `null` and for what is no origin a browser sends, which no entry should allow.
fn unsendable(origin: &str) -> Option<String> {
    if origin == "null" {
        return Some(NULL_FIX.to_string());
    }
    let sent_by_browsers = Origin::parse(origin).is_some_and(|parsed| parsed.serialize() == origin);
    (!sent_by_browsers).then(|| {
        let shown: String = origin.chars().take(REQUEST_VALUE_SHOWN).collect();
        format!("{shown:?} is not an origin as browsers send it (scheme://host[:port]); no change to the options is needed for it")
    })
}

/// Whether the configured `entry` is evidently meant for `origin` (a trailing slash, a path,
/// capitals or a default port keep it from matching byte for byte).
fn means(entry: &str, origin: &str) -> bool {
    match classify(entry) {
        Ok(Entry::Malformed { suggestion, .. }) => suggestion.as_deref() == Some(origin),
        Ok(Entry::Exact {
            origin: browser_form,
            ..
        }) => browser_form == origin,
        _ => false,
    }
}

fn fixed_fix(raw: &str, origin: &str) -> String {
    if means(raw, origin) {
        return format!(
            "origin {} never matches, as browsers send {origin}; write origin: {}",
            js(raw),
            js(origin)
        );
    }
    if raw == "null" {
        return format!(
            "if {origin} should be allowed, write origin: [{}] instead of 'null', which any page can send",
            js(origin)
        );
    }
    format!(
        "if {origin} should be allowed, list both: origin: [{}, {}]",
        js(raw),
        js(origin)
    )
}

fn list_fix(list: &OriginList, origin: &str, holder: &str) -> String {
    let written = list.written();
    let count = written.len() + list.js_patterns().len();
    if let Some(meant) = written.iter().find(|entry| means(entry, origin)) {
        let fixed: Vec<String> = written
            .iter()
            .map(|entry| match entry == meant {
                true => origin.to_string(),
                false => entry.clone(),
            })
            .collect();
        let edit = match count > ENTRIES_SHOWN {
            true => format!("replace it with {}", js(origin)),
            false => format!("{holder}[{}]", with_regexps(kept(&fixed), list).join(", ")),
        };
        return format!(
            "the entry {} never matches, as browsers send {origin}; {edit}",
            js(meant)
        );
    }
    if count > ENTRIES_SHOWN {
        return format!(
            "if {origin} should be allowed, add {} to the {count} entries",
            js(origin)
        );
    }
    let mut entries = with_regexps(kept(written), list);
    entries.push(js(origin));
    format!(
        "if {origin} should be allowed, add it: {holder}[{}]",
        entries.join(", ")
    )
}

/// The string entries as JS literals, without `null`, which a fix never keeps allowing.
fn kept(entries: &[String]) -> Vec<String> {
    entries
        .iter()
        .filter(|entry| entry.as_str() != "null")
        .map(|entry| js(entry))
        .collect()
}

fn with_regexps(mut entries: Vec<String>, list: &OriginList) -> Vec<String> {
    entries.extend(list.js_patterns().iter().map(|regexp| regexp.display()));
    entries
}

/// The fix for a preflight strict mode refuses with `failure`, given the policy's
/// Access-Control-Allow-Methods and -Headers values (`None`: none sent; `allow_headers` is
/// never the reflected one, which refuses nothing). None when the failure has no such fix.
pub fn preflight_fix(
    failure: &Failure,
    allow_methods: Option<&str>,
    allow_headers: Option<&str>,
) -> Option<String> {
    let (option, current, asked) = match failure {
        Failure::MethodNotAllowed(method) => ("methods", allow_methods, method),
        Failure::HeaderNotAllowed(name) => ("allowedHeaders", allow_headers, name),
        Failure::InvalidAllowMethods(item) => {
            return Some(invalid_item_fix("methods", allow_methods, item))
        }
        Failure::InvalidAllowHeaders(item) => {
            return Some(invalid_item_fix("allowedHeaders", allow_headers, item))
        }
        _ => return None,
    };
    let asked: String = asked.chars().take(REQUEST_VALUE_SHOWN).collect();
    let shown = escaped(&asked);
    let mut items = list_items(current);
    // Strict mode judges by the Fetch standard: a `*` is literal with credentials, and never
    // covers Authorization.
    let star = match (
        items.iter().any(|item| item == "*"),
        asked.eq_ignore_ascii_case("authorization"),
    ) {
        (false, _) => "",
        (true, true) => " (a * never covers Authorization)",
        (true, false) => " (with credentials a * is taken literally)",
    };
    items.push(asked.clone());
    let listed: Vec<String> = items.iter().map(|item| js(item)).collect();
    Some(format!(
        "if {shown} should be allowed, add it: {option}: [{}]{star}",
        listed.join(", ")
    ))
}

fn invalid_item_fix(option: &str, current: Option<&str>, item: &str) -> String {
    let kept: Vec<String> = list_items(current)
        .iter()
        .filter(|listed| listed.as_str() != item)
        .map(|listed| js(listed))
        .collect();
    format!(
        "{option} holds {}, which browsers reject; remove it: {option}: [{}]",
        js(item),
        kept.join(", ")
    )
}

/// A header value's comma-separated items.
fn list_items(value: Option<&str>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// `text` as a single-quoted JS string literal.
fn js(text: &str) -> String {
    format!("'{}'", escaped(text))
}

/// `text` with `\\`, `'` and control characters escaped as in a JS string literal, so that
/// nothing from a request can drive a terminal.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn list(exact: &[&str], regexps: &[&str]) -> OriginRule {
        OriginRule::List(Arc::new(OriginList::of(exact, regexps)))
    }

    fn fix(rule: &OriginRule, origin: &str) -> String {
        origin_fix(rule, origin).unwrap()
    }

    #[test]
    fn a_list_gets_the_refused_origin_added_to_every_entry_it_has() {
        let rule = list(
            &["https://app.example.com", "https://*.example.org"],
            &[r"^https:\/\/[a-z]+\.example\.net$"],
        );
        assert_eq!(
            fix(&rule, "https://new.example.com"),
            r"if https://new.example.com should be allowed, add it: origin: ['https://app.example.com', 'https://*.example.org', /^https:\/\/[a-z]+\.example\.net$/, 'https://new.example.com']"
        );
    }

    #[test]
    fn an_entry_meant_for_the_origin_is_rewritten_in_place() {
        let rule = list(&["https://app.example.com/", "http://localhost:5173"], &[]);
        assert_eq!(
            fix(&rule, "https://app.example.com"),
            "the entry 'https://app.example.com/' never matches, as browsers send https://app.example.com; origin: ['https://app.example.com', 'http://localhost:5173']"
        );
        assert_eq!(
            fix(&OriginRule::Fixed("https://App.example.com:443".into()), "https://app.example.com"),
            "origin 'https://App.example.com:443' never matches, as browsers send https://app.example.com; write origin: 'https://app.example.com'"
        );
    }

    #[test]
    fn a_port_or_scheme_away_is_still_only_a_conditional_addition() {
        let rule = list(&["http://localhost:5173"], &[]);
        assert!(fix(&rule, "http://localhost:3000").starts_with("if http://localhost:3000 should be allowed, add it: origin: ['http://localhost:5173', 'http://localhost:3000']"));
    }

    #[test]
    fn null_is_never_advised_nor_kept() {
        for rule in [
            list(&["https://a.example"], &[]),
            OriginRule::Disabled,
            OriginRule::Dynamic,
            OriginRule::Fixed("https://a.example".into()),
        ] {
            let advice = fix(&rule, "null");
            assert!(
                advice.starts_with("an Origin of null comes from a sandboxed iframe"),
                "{advice}"
            );
            assert!(advice.contains("do not allow \"null\""));
            assert!(!advice.contains("origin: ["));
        }
        let with_null = list(&["https://a.example", "null"], &[]);
        assert!(fix(&with_null, "https://b.example")
            .ends_with("origin: ['https://a.example', 'https://b.example']"));
    }

    #[test]
    fn rules_without_a_list_say_what_to_change() {
        assert_eq!(
            fix(&OriginRule::Fixed("https://a.example".into()), "https://b.example"),
            "if https://b.example should be allowed, list both: origin: ['https://a.example', 'https://b.example']"
        );
        assert_eq!(
            fix(&OriginRule::Disabled, "https://b.example"),
            "origin: false turns CORS off; if https://b.example should be allowed, set origin: ['https://b.example']"
        );
        assert!(fix(&OriginRule::Dynamic, "https://b.example").contains("have it answer true for https://b.example (or a list holding 'https://b.example'), not for every origin"));
        assert_eq!(
            fix(&OriginRule::Fixed("null".into()), "https://b.example"),
            "if https://b.example should be allowed, write origin: ['https://b.example'] instead of 'null', which any page can send"
        );
        assert_eq!(origin_fix(&OriginRule::Any, "https://b.example"), None);
        assert_eq!(origin_fix(&OriginRule::Reflect, "https://b.example"), None);
    }

    #[test]
    fn what_browsers_never_send_gets_no_entry_and_is_quoted_escaped() {
        let rule = list(&["https://a.example"], &[]);
        for sent in [
            "https://B.example",
            "https://b.example/",
            "\u{1b}[31mred",
            &"x".repeat(10_000),
        ] {
            let advice = fix(&rule, sent);
            assert!(
                advice.contains("is not an origin as browsers send it"),
                "{advice}"
            );
            assert!(!advice.contains('\u{1b}') && advice.len() < 300, "{advice}");
        }
    }

    #[test]
    fn long_lists_are_named_by_length() {
        let entries: Vec<String> = (0..12)
            .map(|n| format!("https://site{n}.example"))
            .collect();
        let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
        assert_eq!(
            fix(&list(&entries, &[]), "https://b.example"),
            "if https://b.example should be allowed, add 'https://b.example' to the 12 entries"
        );
    }

    #[test]
    fn a_refused_preflight_gets_the_method_or_header_added_to_its_option() {
        let method = Failure::MethodNotAllowed("PATCH".into());
        assert_eq!(
            preflight_fix(&method, Some("GET,PUT"), None).as_deref(),
            Some("if PATCH should be allowed, add it: methods: ['GET', 'PUT', 'PATCH']")
        );
        let header = Failure::HeaderNotAllowed("authorization".into());
        assert_eq!(
            preflight_fix(&header, Some("GET"), Some("*")).as_deref(),
            Some("if authorization should be allowed, add it: allowedHeaders: ['*', 'authorization'] (a * never covers Authorization)")
        );
        assert_eq!(
            preflight_fix(
                &Failure::InvalidAllowMethods("G T".into()),
                Some("GET,G T"),
                None
            )
            .as_deref(),
            Some("methods holds 'G T', which browsers reject; remove it: methods: ['GET']")
        );
        assert_eq!(
            preflight_fix(&Failure::PreflightStatus(500), Some("GET"), None),
            None
        );
        let long = Failure::HeaderNotAllowed(format!("x-{}'", "a".repeat(5000)));
        assert!(preflight_fix(&long, None, None).unwrap().len() < 300);
        let control = Failure::MethodNotAllowed("P\u{1b}[2J".into());
        let advice = preflight_fix(&control, None, None).unwrap();
        assert!(!advice.contains('\u{1b}'), "{advice}");
    }

    #[test]
    fn credentials_are_never_advised_with_any_origin() {
        for rule in [OriginRule::Any, OriginRule::Reflect] {
            assert!(credentials_fix(&rule, "https://a.example").ends_with(
                "if https://a.example should send cookies, set origin: ['https://a.example'], credentials: true"
            ));
        }
        assert_eq!(
            credentials_fix(&list(&["https://a.example"], &[]), "https://a.example"),
            "if https://a.example should send cookies, set credentials: true"
        );
        assert!(credentials_fix(&OriginRule::Any, "null").starts_with("an Origin of null"));
    }

    #[test]
    fn an_answered_list_names_the_origin_function() {
        let OriginRule::List(answered) = list(&["https://a.example"], &[]) else {
            unreachable!()
        };
        assert_eq!(
            answered_list_fix(&answered, "https://b.example"),
            "if https://b.example should be allowed, add it: have the origin function answer ['https://a.example', 'https://b.example']"
        );
    }
}
