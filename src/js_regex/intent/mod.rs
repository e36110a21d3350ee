//! What an origin RegExp evidently means (scheme, subdomains, domain, port), read from the
//! atoms `js_regex` parses it into. With the intent known, the origins the RegExp wrongly lets
//! in are named, each one checked against the RegExp itself, and a safer spelling is
//! suggested: origin entries such as "https://*.example.com" where the intent is clear, an
//! anchored RegExp otherwise.

use regex::Regex;

use crate::js_regex::{self, Atom};

mod checks;
mod read;
mod shape;
mod suggest;
#[cfg(test)]
mod tests;

/// The problems found in an origin RegExp and the entries to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexAdvice {
    /// Each a sentence naming an origin the RegExp matches and should not.
    pub problems: Vec<String>,
    /// Origin entries (strings, patterns or one `/…/flags` RegExp) that mean what was meant.
    pub suggestion: Vec<String>,
}

/// The problems of an origin RegExp (`re.source`, `re.flags`) and what to write instead, or
/// None when it is sound or cannot be matched natively.
pub fn advise(source: &str, flags: &str) -> Option<RegexAdvice> {
    let parsed = js_regex::parse(source, flags).ok()?;
    let regex = Regex::new(&parsed.pattern).ok()?;
    let advice = match read::read_intent(&parsed.atoms) {
        Some(intent) => RegexAdvice {
            problems: checks::intent_problems(&intent, &regex),
            suggestion: suggest::suggested_entries(&intent),
        },
        None => unclear_advice(&parsed.atoms, flags, &regex),
    };
    (!advice.problems.is_empty()).then_some(advice)
}

/// For a RegExp whose intent cannot be read: only what is certain, and a RegExp fix only
/// when the RegExp is anchored (then escaping its label dots keeps its meaning).
fn unclear_advice(atoms: &[Atom], flags: &str, regex: &Regex) -> RegexAdvice {
    let anchored = checks::is_anchored(atoms);
    let escaped = suggest::escape_label_dots(atoms);
    RegexAdvice {
        problems: checks::unclear_problems(regex, anchored, escaped.is_some()),
        suggestion: escaped
            .filter(|source| anchored && !suggest::reaches_shared_host(source, flags))
            .map(|source| format!("/{source}/{flags}"))
            .into_iter()
            .collect(),
    }
}
