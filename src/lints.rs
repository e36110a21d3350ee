//! Mistakes in a policy that browsers or attackers punish silently. Each becomes a one-time
//! warning with a stable code and the fix, or, with `strict: true`, a construction error.

use crate::headers::MaxAge;
use crate::origin_entry::Entry;
use crate::origin_rule::OriginRule;

/// Chromium caps Access-Control-Max-Age at two hours; a larger value buys nothing.
pub const MAX_AGE_CAP: f64 = 7200.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub code: &'static str,
    pub message: String,
}

fn lint(code: &'static str, message: String) -> Lint {
    Lint { code, message }
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
        found.push(lint(
            "CORS_NATIVE_CREDENTIALS_ANY_ORIGIN",
            format!("credentials: true with {what} lets every website read responses with the user's cookies (browsers refuse \"*\" with credentials outright); list the allowed origins instead"),
        ));
    }
    if let OriginRule::List(list) = origin {
        for (raw, entry) in list.mistaken_entries() {
            let message = match entry {
                Entry::Malformed { fix, .. } => format!("origin entry {raw:?} {fix}"),
                Entry::Exact { origin, .. } => format!("origin entry {raw:?} is not written the way browsers send it; it is matched as {origin:?}, write that"),
                Entry::Pattern(_) => continue,
            };
            found.push(lint("CORS_NATIVE_MALFORMED_ORIGIN", message));
        }
        for pattern in list.js_patterns() {
            found.extend(regex_lints(&pattern.source, &pattern.flags));
        }
        if list.allows("null") && !list.allows_all() {
            found.push(lint(
                "CORS_NATIVE_NULL_ORIGIN",
                "the origin list allows \"null\", which sandboxed iframes, data: URLs and local files send: any page can claim it; remove it".into(),
            ));
        }
    }
    if let Some(seconds) = max_age.and_then(max_age_seconds) {
        if seconds > MAX_AGE_CAP {
            found.push(lint(
                "CORS_NATIVE_MAX_AGE_ABOVE_CAP",
                format!("maxAge: {seconds} is above 7200, the most Chromium caches a preflight (Firefox: 86400); use 7200 or less"),
            ));
        }
    }
    found
}

fn max_age_seconds(value: &MaxAge) -> Option<f64> {
    match value {
        MaxAge::Seconds(seconds) => Some(*seconds),
        MaxAge::Text(text) => text.trim().parse().ok(),
    }
}

/// An origin RegExp must be anchored at both ends and escape its dots, or it lets in
/// `https://app.example.com.evil.net` or `https://appXexample.com`.
fn regex_lints(source: &str, flags: &str) -> Vec<Lint> {
    let shown = format!("/{source}/{flags}");
    let mut found = Vec::new();
    let anchored_start = source.starts_with('^');
    let anchored_end = source.ends_with('$') && !source.ends_with("\\$");
    if !anchored_start || !anchored_end {
        found.push(lint(
            "CORS_NATIVE_LOOSE_REGEX",
            format!("the origin RegExp {shown} is not anchored at both ends, so it also matches origins that merely contain it (https://app.example.com.evil.net); match the whole origin from ^ to $, like /^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/, or use the pattern \"https://*.example.com\""),
        ));
    }
    if let Some(escaped) = escape_bare_dots(source) {
        found.push(lint(
            "CORS_NATIVE_LOOSE_REGEX",
            format!("the origin RegExp {shown} has an unescaped \".\", which matches any character (https://appXexample.com); write /{escaped}/{flags}"),
        ));
    }
    found
}

/// The source with every `.` outside a character class escaped, if it had any.
fn escape_bare_dots(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len() + 4);
    let (mut escaped, mut in_class, mut changed) = (false, false, false);
    for c in source.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '.' if !in_class => {
                out.push('\\');
                changed = true;
            }
            _ => {}
        }
        out.push(c);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_dots_are_escaped_and_classes_left_alone() {
        assert_eq!(
            escape_bare_dots(r"^https://app.example.com$").as_deref(),
            Some(r"^https://app\.example\.com$")
        );
        assert_eq!(escape_bare_dots(r"^https://app\.example\.com$"), None);
        assert_eq!(escape_bare_dots(r"^https://[a-z.]+\.example\.com$"), None);
    }

    #[test]
    fn anchoring_is_required_at_both_ends() {
        assert_eq!(regex_lints(r"^https://app\.example\.com$", "").len(), 0);
        let loose = regex_lints(r"example\.com", "i");
        assert_eq!(loose.len(), 1);
        assert!(
            loose[0].message.contains("not anchored at both ends"),
            "{}",
            loose[0].message
        );
        assert_eq!(regex_lints(r"^https://a\.example\.com\$", "").len(), 1);
    }
}
