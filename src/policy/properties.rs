//! Properties of the core over generated inputs (proptest; the cargo-fuzz targets in fuzz/
//! explore the same functions for longer, outside CI).
use proptest::prelude::*;
use regex::Regex;

use std::sync::Arc;

use crate::js_regex::{self, JsPattern};
use crate::origin::list::OriginList;
use crate::origin::rule::OriginRule;
use crate::policy::headers::{self, HeaderList, MaxAge};
use crate::policy::{Policy, PolicySpec};

/// The origin list of a whole policy (lints included) built from these entries.
fn list_policy(exact: Vec<String>, patterns: Vec<JsPattern>) -> Option<Arc<OriginList>> {
    let list = OriginList::new(exact, &patterns, false).ok()?;
    let policy = Policy::build(PolicySpec {
        credentials: true,
        ..PolicySpec::with_origin(OriginRule::List(Arc::new(list)))
    })
    .ok()?;
    policy.origin_list().cloned()
}

/// Origins near an allowed one: what an attacker would try, plus arbitrary text.
fn hostile_origin() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://app.example.com".to_string()),
        "[a-z.]{0,12}".prop_map(|s| format!("https://app.example.com{s}")),
        "[a-z.]{0,12}".prop_map(|s| format!("https://{s}app.example.com")),
        "[a-z.]{0,12}".prop_map(|s| format!("https://app{s}example.com")),
        Just("https://app.example.com.evil.net".to_string()),
        Just("HTTPS://APP.EXAMPLE.COM".to_string()),
        any::<String>(),
        "\\PC{0,64}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn translation_never_panics_and_what_it_accepts_compiles(source in "\\PC{0,40}", flags in "[gimsuyvd]{0,4}") {
        if let Ok(parsed) = js_regex::parse(&source, &flags) {
            // Anything accepted is valid for the regex crate (size limits aside).
            let translated = &parsed.pattern;
            if let Err(regex::Error::Syntax(why)) = Regex::new(translated) {
                prop_assert!(false, "{source:?} -> {translated:?}: {why}");
            }
            // Its atoms spell out the whole source: the origin RegExp advice reads them.
            let spelled: String = parsed.atoms.iter().map(|atom| atom.text).collect();
            prop_assert_eq!(spelled, source);
        }
    }

    #[test]
    fn regex_like_sources_never_panic(source in "[\\^$.*+?()\\[\\]{}|\\\\a-z0-9,:/-]{0,30}", flags in "[imsu]{0,2}") {
        let _ = js_regex::translate(&source, &flags);
        let _ = list_policy(Vec::new(), vec![JsPattern { source, flags }]);
    }

    #[test]
    fn header_lists_and_max_age_never_panic(text in any::<String>(), items in proptest::collection::vec(any::<String>(), 0..5), seconds in any::<f64>()) {
        let _ = headers::allow_methods(Some(&HeaderList::Text(text.clone())));
        let _ = headers::allow_headers(Some(&HeaderList::Items(items.clone())));
        let _ = headers::expose_headers(Some(&HeaderList::Items(items)));
        let _ = headers::max_age(&MaxAge::Text(text));
        let _ = headers::max_age(&MaxAge::Seconds(seconds));
    }

    /// An exact list echoes an origin only when it is byte-equal to an entry.
    #[test]
    fn exact_lists_allow_only_listed_origins(origin in hostile_origin()) {
        let policy = list_policy(vec!["https://app.example.com".into()], Vec::new()).unwrap();
        prop_assert_eq!(policy.allows(&origin), origin == "https://app.example.com");
    }

    /// An anchored pattern allows exactly what the same pattern in the regex crate allows,
    /// and a suffix-anchored one never a host outside the domain.
    #[test]
    fn anchored_patterns_never_allow_lookalikes(origin in hostile_origin()) {
        let source = r"^https:\/\/([a-z0-9-]+\.)*example\.com$";
        let policy = list_policy(Vec::new(), vec![JsPattern { source: source.into(), flags: String::new() }]).unwrap();
        let allowed = policy.allows(&origin);
        prop_assert_eq!(allowed, Regex::new(r"^https://([a-z0-9-]+\.)*example\.com$").unwrap().is_match(&origin));
        if allowed {
            let host = origin.trim_start_matches("https://");
            prop_assert!(host == "example.com" || host.ends_with(".example.com"), "{origin}");
        }
    }

    #[test]
    fn matching_arbitrary_origins_never_panics(origin in any::<String>(), pattern in "[a-z.*+?^$]{1,12}") {
        if let Some(policy) = list_policy(vec![origin.clone()], vec![JsPattern { source: pattern, flags: "i".into() }]) {
            prop_assert!(policy.allows(&origin));
        }
    }
}
