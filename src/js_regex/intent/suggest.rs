//! What to write instead of an origin RegExp: origin entries when its intent is known, the
//! RegExp with its label dots escaped otherwise.

use super::shape::Intent;
use crate::js_regex::domains::reach_under;
use crate::js_regex::{Atom, AtomKind};
use crate::origin::public_suffix::is_public_suffix;

/// The origin entries that allow what the intent means, such as "https://*.example.com".
pub(super) fn entries(intent: &Intent) -> Vec<String> {
    let mut entries = Vec::new();
    for scheme in intent.schemes() {
        for host in intent.hosts() {
            for port in intent.ports() {
                entries.push(format!("{scheme}://{host}{port}"));
            }
        }
    }
    entries
}

/// The entries to suggest: none when one would allow every site under a public suffix
/// (`https://*.vercel.app`), which the policy's shared-host lint explains instead.
pub(super) fn suggested_entries(intent: &Intent) -> Vec<String> {
    let shared = intent
        .hosts()
        .iter()
        .any(|host| host.strip_prefix("*.").is_some_and(is_public_suffix));
    match shared {
        true => Vec::new(),
        false => entries(intent),
    }
}

/// Whether a suggested RegExp source still allows every site under a public suffix.
pub(super) fn reaches_shared_host(source: &str, flags: &str) -> bool {
    reach_under(source, flags, is_public_suffix).is_some()
}

/// The source with a `\` before every `.` written between two label characters, the literal
/// dots of a domain; dots used as wildcards (`.*`, `(.+\.)`) are left alone. None when there
/// is no such dot.
pub(super) fn escape_label_dots(atoms: &[Atom]) -> Option<String> {
    let label = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
    let mut out = String::new();
    let mut escaped = false;
    for (index, atom) in atoms.iter().enumerate() {
        if atom.kind == AtomKind::AnyChar
            && index > 0
            && label(atoms[index - 1].text.chars().last())
            && label(
                atoms
                    .get(index + 1)
                    .and_then(|next| next.text.chars().next()),
            )
        {
            out.push('\\');
            escaped = true;
        }
        out.push_str(atom.text);
    }
    escaped.then_some(out)
}
