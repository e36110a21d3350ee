//! Mistakes in a policy that browsers or attackers punish silently. Each becomes a one-time
//! warning with a stable code and the fix, or, with `strict: true`, a construction error.

use crate::browser::Engine;
use crate::js_regex::intent::advise;
use crate::origin::entry::{classify, Entry};
use crate::origin::rule::OriginRule;
use crate::policy::codes::Code;
use crate::policy::headers::MaxAge;
use crate::policy::shared_hosts::shared_host_lints;

/// A mistake in the options: its code, and a message that names the value and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    /// A stable code such as `CORS_NATIVE_NULL_ORIGIN`; `warnings: { CODE: false }` silences it.
    pub code: Code,
    /// What is wrong, why it matters, and the fix.
    pub message: String,
    /// Origin entries to write instead, when the lint has a fix of that form.
    pub suggestion: Vec<String>,
}

impl Lint {
    /// A lint whose fix is in its message only.
    pub fn new(code: Code, message: String) -> Lint {
        Lint {
            code,
            message,
            suggestion: Vec::new(),
        }
    }
}

/// The mistakes in an origin rule, `credentials` and `maxAge`.
pub fn lints(origin: &OriginRule, credentials: bool, max_age: Option<&MaxAge>) -> Vec<Lint> {
    let mut found = Vec::new();
    if credentials && origin.allows_any() {
        let what = match origin {
            OriginRule::Any => "origin \"*\"",
            OriginRule::Reflect => "origin: true (reflect any origin)",
            _ => "true in the origin list",
        };
        found.push(Lint::new(
            Code::CredentialsAnyOrigin,
            format!("credentials: true with {what} lets every website read responses with the user's cookies (browsers refuse \"*\" with credentials outright); list the allowed origins instead"),
        ));
    }
    if let OriginRule::Fixed(raw) = origin {
        // A single origin string is sent as is, so the browser compares it byte for byte.
        match classify(raw) {
            Ok(Entry::Exact { origin, .. }) if origin == "null" => found.push(null_origin_lint(
                "origin \"null\" is sent as Access-Control-Allow-Origin",
            )),
            Ok(entry) => found.extend(entry_lint(&format!("origin {raw:?}"), &entry)),
            Err(_) => {}
        }
    }
    if let OriginRule::List(list) = origin {
        for (raw, entry) in list.mistaken_entries() {
            found.extend(entry_lint(&format!("origin entry {raw:?}"), entry));
        }
        for pattern in list.js_patterns() {
            found.extend(regex_lints(&pattern.source, &pattern.flags));
        }
        found.extend(shared_host_lints(list));
        if list.allows("null") && !list.allows_all() {
            found.push(null_origin_lint("the origin list allows \"null\""));
        }
    }
    if let Some(seconds) = max_age.and_then(max_age_seconds) {
        // The browser model owns each engine's cap; Chromium's is the lowest that matters.
        let cap = Engine::Chromium.max_age_cap();
        if seconds > f64::from(cap) {
            let firefox = Engine::Firefox.max_age_cap();
            found.push(Lint::new(
                Code::MaxAgeAboveCap,
                format!("maxAge: {seconds} is above {cap}, the most Chromium caches a preflight (Firefox: {firefox}); use {cap} or less"),
            ));
        }
    }
    found
}

fn null_origin_lint(what: &str) -> Lint {
    Lint::new(
        Code::NullOrigin,
        format!("{what}, which sandboxed iframes, data: URLs and local files send: any page can claim it; remove it"),
    )
}

/// The lint for a configured origin (`what` names it) that browsers never send as written.
fn entry_lint(what: &str, entry: &Entry) -> Option<Lint> {
    let (message, suggestion) = match entry {
        Entry::Malformed { fix, suggestion, .. } => (format!("{what} {fix}"), suggestion.clone()),
        Entry::Exact { origin, rewritten: true } => (
            format!("{what} is not written the way browsers send it; browsers send {origin:?}, write that"),
            Some(origin.clone()),
        ),
        Entry::Exact { .. } | Entry::Pattern(_) => return None,
    };
    Some(Lint {
        code: Code::MalformedOrigin,
        message,
        suggestion: suggestion.into_iter().collect(),
    })
}

fn max_age_seconds(value: &MaxAge) -> Option<f64> {
    match value {
        MaxAge::Seconds(seconds) => Some(*seconds),
        MaxAge::Text(text) => text.trim().parse().ok(),
    }
}

/// An origin RegExp that lets in origins it evidently did not mean to, with what to write.
fn regex_lints(source: &str, flags: &str) -> Vec<Lint> {
    let Some(advice) = advise(source, flags) else {
        return Vec::new();
    };
    let entries: Vec<String> = advice
        .suggestion
        .iter()
        .map(|entry| format!("{entry:?}"))
        .collect();
    let fix = match entries.is_empty() {
        true => String::new(),
        false => format!("; list {} instead", entries.join(", ")),
    };
    let message = format!(
        "the origin RegExp /{source}/{flags} is not what it seems: {}{fix}",
        advice.problems.join("; ")
    );
    vec![Lint {
        code: Code::LooseRegex,
        message,
        suggestion: advice.suggestion,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loose_regexp_names_what_it_lets_in_and_the_entries_to_write() {
        let found = regex_lints(r"example\.com", "i");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("https://example.com.evil.net"),
            "{}",
            found[0].message
        );
        assert_eq!(
            found[0].suggestion,
            ["https://example.com", "https://*.example.com"]
        );
        assert!(regex_lints(r"^https://app\.example\.com$", "").is_empty());
    }
}
