//! The configured origin list (an `origin` array, a RegExp, a pattern string, or what an origin
//! function answers): exact strings, wildcard patterns, JS RegExps (as one `RegexSet`), or all.

use std::collections::HashSet;

use regex::{RegexSet, RegexSetBuilder};

use crate::js_regex::{self, JsPattern};
use crate::origin::entry::{self, Entry};
use crate::origin::pattern::OriginPattern;
use crate::origin::Origin;
use crate::policy::error::ConfigError;

/// Bounds the compiled automaton, so a huge pattern fails at construction instead of
/// consuming memory on every request.
const PATTERN_SIZE_LIMIT: usize = 32 << 20;

/// The entries of an `origin` list (or a single RegExp), compiled for matching.
#[derive(Debug)]
pub struct OriginList {
    exact: HashSet<String>,
    /// The string entries as configured, to explain a refusal.
    written: Vec<String>,
    /// Entries written differently from what browsers send, or never matching, for the lints.
    mistaken: Vec<(String, Entry)>,
    wildcards: Vec<OriginPattern>,
    patterns: Option<RegexSet>,
    /// The RegExp entries as configured, for the lints.
    js_patterns: Vec<JsPattern>,
    /// The list holds `true`, which `cors` treats as "allow every origin".
    allow_all: bool,
}

impl OriginList {
    /// Compiles one list's string entries, RegExp entries and `true` (`allow_all`). An invalid
    /// wildcard pattern, or a RegExp that cannot be translated or compiled, is an error.
    pub fn new(
        exact: Vec<String>,
        patterns: &[JsPattern],
        allow_all: bool,
    ) -> Result<Self, ConfigError> {
        let mut exact_set = HashSet::with_capacity(exact.len());
        let mut wildcards = Vec::new();
        let mut mistaken = Vec::new();
        for raw in &exact {
            let entry =
                entry::classify(raw).map_err(|why| ConfigError::new(format!("origin: {why}")))?;
            match &entry {
                Entry::Exact { origin, rewritten } => {
                    exact_set.insert(origin.clone());
                    if *rewritten {
                        // As written too: cors compares byte for byte.
                        exact_set.insert(raw.clone());
                        mistaken.push((raw.clone(), entry));
                    }
                }
                Entry::Malformed { raw: literal, .. } => {
                    exact_set.insert(literal.clone());
                    mistaken.push((raw.clone(), entry));
                }
                Entry::Pattern(pattern) => wildcards.push(pattern.clone()),
            }
        }
        Ok(OriginList {
            exact: exact_set,
            written: exact,
            mistaken,
            wildcards,
            patterns: compile_patterns(patterns)?,
            js_patterns: patterns.to_vec(),
            allow_all,
        })
    }

    /// Matches like `cors`: exact strings compare byte for byte (configured entries in the form
    /// browsers send), RegExps search anywhere in the origin (as `RegExp.prototype.test` does),
    /// `true` allows everything. Wildcard entries match the parsed origin.
    pub fn allows(&self, origin: &str) -> bool {
        self.allow_all
            || self.exact.contains(origin)
            || (!self.wildcards.is_empty()
                && Origin::parse(origin).is_some_and(|parsed| {
                    self.wildcards
                        .iter()
                        .any(|pattern| pattern.matches(&parsed))
                }))
            || self
                .patterns
                .as_ref()
                .is_some_and(|set| set.is_match(origin))
    }

    /// Roughly the heap this list holds, for Node's GC: 20 exact entries and one RegExp measure
    /// 10-12 KB, mostly the compiled RegExp.
    pub fn heap_size_hint(&self) -> usize {
        let entries: usize = self.written.iter().map(|entry| 3 * entry.len() + 64).sum();
        1024 + entries + 8192 * self.js_patterns.len()
    }

    /// Whether the list holds `true`, allowing every origin.
    pub fn allows_all(&self) -> bool {
        self.allow_all
    }

    /// The string entries as configured.
    pub fn written(&self) -> &[String] {
        &self.written
    }

    /// The RegExp entries as configured.
    pub fn js_patterns(&self) -> &[JsPattern] {
        &self.js_patterns
    }

    /// The entries that are rewritten to the browser form or can never match, as written.
    pub fn mistaken_entries(&self) -> &[(String, Entry)] {
        &self.mistaken
    }

    /// Why a refused origin matched nothing, when a configured entry comes close.
    pub fn refusal_hint(&self, origin: &str) -> Option<String> {
        entry::closest_entry_reason(origin, &self.written)
    }
}

fn compile_patterns(patterns: &[JsPattern]) -> Result<Option<RegexSet>, ConfigError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut translated = Vec::with_capacity(patterns.len());
    for pattern in patterns {
        let rust = js_regex::translate(&pattern.source, &pattern.flags).map_err(|why| {
            ConfigError::new(format!(
                "origin: the RegExp {} uses {why}, which cannot be matched in linear time; \
                 rewrite it without that construct or list the origins as strings",
                pattern.display()
            ))
        })?;
        // Compile each alone first so an error names the pattern that caused it.
        RegexSetBuilder::new([&rust])
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map_err(|err| {
                ConfigError::new(format!(
                    "origin: the RegExp {} cannot be compiled natively ({}); simplify it",
                    pattern.display(),
                    first_line(&err.to_string())
                ))
            })?;
        translated.push(rust);
    }
    RegexSetBuilder::new(&translated)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map(Some)
        .map_err(|err| {
            ConfigError::new(format!(
                "origin: the {} RegExps together are too large to compile ({}); \
                 merge them or list the origins as strings",
                patterns.len(),
                first_line(&err.to_string())
            ))
        })
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or(text)
}

#[cfg(test)]
impl OriginList {
    /// A list of exact entries and flagless RegExp sources, as the policy's tests write them.
    pub fn of(exact: &[&str], regexps: &[&str]) -> OriginList {
        let regexps: Vec<JsPattern> = regexps
            .iter()
            .map(|source| JsPattern {
                source: source.to_string(),
                flags: String::new(),
            })
            .collect();
        OriginList::new(
            exact.iter().map(|e| e.to_string()).collect(),
            &regexps,
            false,
        )
        .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(source: &str, flags: &str) -> JsPattern {
        JsPattern {
            source: source.into(),
            flags: flags.into(),
        }
    }

    #[test]
    fn exact_entries_compare_case_sensitively() {
        let list = OriginList::new(vec!["https://a.example".into()], &[], false).unwrap();
        assert!(list.allows("https://a.example"));
        assert!(!list.allows("https://A.example"));
        assert!(!list.allows("https://a.example/"));
    }

    #[test]
    fn patterns_search_unanchored_like_regexp_test() {
        let list = OriginList::new(vec![], &[pattern(r"example\.com", "")], false).unwrap();
        assert!(list.allows("https://example.com.evil.net"));
        assert!(!list.allows("https://example.org"));
    }

    #[test]
    fn anchored_pattern_refuses_suffix_attack() {
        let list = OriginList::new(
            vec![],
            &[pattern(r"^https:\/\/[a-z]+\.example\.com$", "")],
            false,
        )
        .unwrap();
        assert!(list.allows("https://app.example.com"));
        assert!(!list.allows("https://app.example.com.evil.net"));
    }

    #[test]
    fn true_in_the_list_allows_everything() {
        let list = OriginList::new(vec![], &[], true).unwrap();
        assert!(list.allows("https://anything.example"));
    }

    #[test]
    fn empty_list_allows_nothing() {
        let list = OriginList::new(vec![], &[], false).unwrap();
        assert!(!list.allows("https://a.example"));
        assert!(!list.allows(""));
    }

    #[test]
    fn unsupported_construct_is_a_config_error_naming_the_pattern() {
        let err = OriginList::new(vec![], &[pattern(r"^(a)\1$", "")], false).unwrap_err();
        assert!(err.message().contains(r"/^(a)\1$/"), "{}", err.message());
    }

    #[test]
    fn catastrophic_backtracking_pattern_is_linear() {
        let list = OriginList::new(vec![], &[pattern("^(a+)+$", "")], false).unwrap();
        let hostile = format!("{}!", "a".repeat(100_000));
        assert!(!list.allows(&hostile));
    }
}
