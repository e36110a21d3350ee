//! The domain names an origin RegExp spells out, and whether it lets in hosts under one of them
//! that it does not spell out: how the policy finds a RegExp that allows every site under a
//! shared suffix such as `vercel.app`. Every claim is checked against the RegExp itself.

use regex::Regex;

use super::{parse, Atom, AtomKind};

/// A label no RegExp names, to stand for a name someone else registered.
const SOMEONE_ELSE: &str = "someone-else";

/// A suffix the RegExp spells out and an origin under it that it matches but does not name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    /// The suffix, such as `vercel.app`.
    pub suffix: String,
    /// An origin the RegExp matches under it, such as `https://someone-else.vercel.app`.
    pub origin: String,
}

/// Every domain written out in the atoms (runs of letters, digits, `-` and dots, a bare `.`
/// counting as a dot between two labels), lower case, with each of its shorter suffixes.
fn written_suffixes(atoms: &[Atom]) -> Vec<String> {
    let label = |atom: Option<&Atom>| matches!(atom.map(|atom| atom.kind), Some(AtomKind::Char(c)) if c.is_ascii_alphanumeric() || c == '-');
    let mut runs = vec![String::new()];
    for (index, atom) in atoms.iter().enumerate() {
        let run = runs.last_mut().expect("never empty");
        match atom.kind {
            AtomKind::Char(c) if c.is_ascii_alphanumeric() || c == '-' || c == '.' => {
                run.push(c.to_ascii_lowercase())
            }
            AtomKind::AnyChar
                if label(index.checked_sub(1).and_then(|i| atoms.get(i)))
                    && label(atoms.get(index + 1)) =>
            {
                run.push('.')
            }
            _ if run.is_empty() => {}
            _ => runs.push(String::new()),
        }
    }
    let mut suffixes: Vec<String> = Vec::new();
    for run in &runs {
        let mut domain = run.trim_matches('.');
        while !domain.is_empty() {
            if !suffixes.iter().any(|known| known == domain) {
                suffixes.push(domain.to_string());
            }
            domain = domain.split_once('.').map_or("", |(_, rest)| rest);
        }
    }
    suffixes
}

/// The first suffix spelled out in the RegExp (`source`, `flags`) for which `shared` holds and
/// under which the RegExp matches `someone-else.<suffix>`, over https or http; None when there
/// is none or the RegExp cannot be matched natively.
pub fn reach_under(source: &str, flags: &str, shared: impl Fn(&str) -> bool) -> Option<Reach> {
    let parsed = parse(source, flags).ok()?;
    let regex = Regex::new(&parsed.pattern).ok()?;
    written_suffixes(&parsed.atoms)
        .into_iter()
        .filter(|suffix| shared(suffix))
        .find_map(|suffix| {
            let origin = ["https", "http"]
                .iter()
                .map(|scheme| format!("{scheme}://{SOMEONE_ELSE}.{suffix}"))
                .find(|origin| regex.is_match(origin))?;
            Some(Reach { suffix, origin })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suffixes(source: &str) -> Vec<String> {
        written_suffixes(&parse(source, "").unwrap().atoms)
    }

    fn reach(source: &str, flags: &str) -> Option<String> {
        let shared = |suffix: &str| ["vercel.app", "netlify.app", "co.uk", "com"].contains(&suffix);
        reach_under(source, flags, shared).map(|reach| reach.origin)
    }

    #[test]
    fn written_domains_and_their_suffixes() {
        assert_eq!(
            suffixes(r"^https:\/\/.*\.vercel\.app$"),
            ["https", "vercel.app", "app"]
        );
        assert_eq!(
            suffixes(r"my-app-.*\.Vercel.app"),
            ["my-app-", "vercel.app", "app"]
        );
        assert_eq!(suffixes(r"\.(a|b)\.co\.uk"), ["a", "b", "co.uk", "uk"]);
    }

    #[test]
    fn a_regexp_reaches_under_a_shared_suffix_only_when_it_matches_another_name_there() {
        assert_eq!(
            reach(r"\.vercel\.app$", "").as_deref(),
            Some("https://someone-else.vercel.app")
        );
        assert_eq!(
            reach(r"^https:\/\/.*\.netlify\.app$", "").as_deref(),
            Some("https://someone-else.netlify.app")
        );
        assert_eq!(
            reach(r"^http:\/\/[a-z-]+\.netlify\.app$", "").as_deref(),
            Some("http://someone-else.netlify.app")
        );
        assert_eq!(
            reach(r"\.VERCEL\.APP$", "i").as_deref(),
            Some("https://someone-else.vercel.app")
        );
        assert_eq!(
            reach(r"\.com$", "").as_deref(),
            Some("https://someone-else.com")
        );
        for sound in [
            r"^https:\/\/my-app\.vercel\.app$",
            r"^https:\/\/(app|admin)\.vercel\.app$",
            r"^https:\/\/.*\.my-company\.co\.uk$",
            r"^https:\/\/([a-z0-9-]+\.)*example\.com$",
            r"\.VERCEL\.APP$",
        ] {
            assert_eq!(reach(sound, ""), None, "{sound}");
        }
        assert_eq!(reach(r"^(a)\1$", ""), None);
    }
}
