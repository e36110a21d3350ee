//! What a configured origin string is: an origin (compared in the form browsers send), a
//! wildcard pattern, `null`, or a mistake that can never match, with the exact fix.

use crate::origin::difference::difference;
use crate::origin::pattern::OriginPattern;
use crate::origin::Origin;

/// One configured origin string, classified by `classify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Matched byte for byte against the request's Origin. `rewritten` is set when the entry
    /// was written differently from what browsers send (case, default port).
    Exact {
        /// The entry in the form browsers send, or `null`.
        origin: String,
        /// Whether that form differs from the entry as written.
        rewritten: bool,
    },
    /// A wildcard entry such as `https://*.example.com`, matched on the parsed origin.
    Pattern(OriginPattern),
    /// A value no browser sends as an Origin (path, trailing slash, no scheme): kept as is,
    /// so it never matches, as in cors; `fix` says what to write instead, and `suggestion` is
    /// that origin when there is one.
    Malformed {
        /// The entry as written; it is compared literally, so it never matches.
        raw: String,
        /// What is wrong and what to write instead, worded to follow the entry's name in a lint.
        fix: String,
        /// The origin the entry evidently means, when one can be read from it.
        suggestion: Option<String>,
    },
}

/// Classifies a configured origin string. Only an invalid wildcard pattern is an error (the
/// message says how to write it); other mistakes are `Malformed` entries, which never match.
pub fn classify(raw: &str) -> Result<Entry, String> {
    if raw == "*" {
        // cors compares it literally, so in a list it matches nothing.
        return Ok(Entry::Malformed {
            raw: raw.to_string(),
            fix: "inside a list is compared literally and matches no origin; use origin: \"*\" (not in an array) to allow every origin".into(),
            suggestion: None,
        });
    }
    if raw.contains('*') {
        return OriginPattern::parse(raw).map(Entry::Pattern);
    }
    if raw == "null" {
        return Ok(Entry::Exact {
            origin: raw.to_string(),
            rewritten: false,
        });
    }
    if let Some(origin) = Origin::parse_configured(raw) {
        let canonical = origin.serialize();
        let rewritten = canonical != raw;
        return Ok(Entry::Exact {
            origin: canonical,
            rewritten,
        });
    }
    let (fix, suggestion) = fix_for(raw);
    Ok(Entry::Malformed {
        raw: raw.to_string(),
        fix,
        suggestion,
    })
}

const NOT_AN_ORIGIN: &str =
    "is not an origin; write scheme://host[:port], like \"https://app.example.com\"";

/// What is wrong with a malformed entry, and the origin it evidently means.
fn fix_for(raw: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = raw.split_once("://") else {
        let guess =
            Origin::parse_configured(&format!("https://{raw}")).map(|origin| origin.serialize());
        return match guess {
            Some(origin) => (
                format!("has no scheme; write {origin:?} (or http:// if the site is not served over TLS)"),
                Some(origin),
            ),
            None => (NOT_AN_ORIGIN.into(), None),
        };
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some(origin) = Origin::parse_configured(&format!("{scheme}://{authority}")) else {
        return (NOT_AN_ORIGIN.into(), None);
    };
    let what = match tail {
        "/" => "ends with a slash, which browsers never send",
        t if t.starts_with('?') => "has a query, which an origin never has",
        t if t.starts_with('#') => "has a fragment, which an origin never has",
        _ => "has a path, which an origin never has",
    };
    let origin = origin.serialize();
    (format!("{what}; write {origin:?}"), Some(origin))
}

/// Why `origin` matches none of `entries`, pointing at the closest entry when there is one.
pub fn closest_entry_reason(origin: &str, entries: &[String]) -> Option<String> {
    entries
        .iter()
        .filter_map(|entry| Some((difference(origin, entry)?, entry)))
        .min_by_key(|(difference, _)| difference.rank())
        .map(|(difference, entry)| format!("the closest entry {entry:?} {}", difference.describe()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_entries_stay_as_written() {
        assert_eq!(
            classify("https://app.example.com"),
            Ok(Entry::Exact {
                origin: "https://app.example.com".into(),
                rewritten: false
            })
        );
        assert_eq!(
            classify("null"),
            Ok(Entry::Exact {
                origin: "null".into(),
                rewritten: false
            })
        );
    }

    #[test]
    fn case_and_default_ports_are_rewritten_to_what_browsers_send() {
        assert_eq!(
            classify("HTTPS://App.Example.com:443"),
            Ok(Entry::Exact {
                origin: "https://app.example.com".into(),
                rewritten: true
            })
        );
        assert_eq!(
            classify("http://localhost:80"),
            Ok(Entry::Exact {
                origin: "http://localhost".into(),
                rewritten: true
            })
        );
    }

    #[test]
    fn mistakes_get_the_exact_fix() {
        let fix = |raw: &str| match classify(raw).unwrap() {
            Entry::Malformed { fix, .. } => fix,
            other => panic!("{raw}: {other:?}"),
        };
        assert_eq!(
            fix("https://app.example.com/"),
            "ends with a slash, which browsers never send; write \"https://app.example.com\""
        );
        assert_eq!(
            fix("https://app.example.com/api"),
            "has a path, which an origin never has; write \"https://app.example.com\""
        );
        assert_eq!(
            fix("https://app.example.com?x=1"),
            "has a query, which an origin never has; write \"https://app.example.com\""
        );
        assert!(
            fix("app.example.com").starts_with("has no scheme; write \"https://app.example.com\"")
        );
    }

    #[test]
    fn refusals_point_at_the_closest_entry() {
        let entries = [
            "https://app.example.com/".to_string(),
            "http://localhost:5173".to_string(),
            "https://api.example.com".to_string(),
        ];
        let reason = |origin| closest_entry_reason(origin, &entries).unwrap();
        assert!(reason("https://app.example.com").contains("differs only by a trailing slash"));
        assert!(reason("http://localhost:3000").contains("differs in port: 3000 vs 5173"));
        assert!(reason("http://api.example.com").contains("differs in scheme: http vs https"));
        assert_eq!(closest_entry_reason("https://evil.example", &entries), None);
    }
}
