//! Origin patterns and RegExps that allow every site under a public suffix (`vercel.app`,
//! `github.io`, `co.uk`): there anyone can publish a site, so such an entry lets in every other
//! customer of the host. The Public Suffix List (`origin::public_suffix`) says which are.

use crate::js_regex::domains::reach_under;
use crate::js_regex::JsPattern;
use crate::origin::entry::{classify, Entry};
use crate::origin::list::OriginList;
use crate::origin::public_suffix::is_public_suffix;
use crate::policy::codes::Code;
use crate::policy::lints::Lint;

/// One lint per pattern or RegExp of the list that reaches under a public suffix.
pub fn shared_host_lints(list: &OriginList) -> Vec<Lint> {
    let patterns = list.written().iter().filter_map(|raw| match classify(raw) {
        Ok(Entry::Pattern(pattern)) => {
            let suffix = pattern
                .subdomains_of()
                .filter(|domain| is_public_suffix(domain))?;
            let example = format!("{}://someone-else.{suffix}", pattern.scheme());
            Some(lint(&format!("origin entry {raw:?}"), suffix, &example))
        }
        _ => None,
    });
    let regexps = list.js_patterns().iter().filter_map(|regexp: &JsPattern| {
        let reach = reach_under(&regexp.source, &regexp.flags, is_public_suffix)?;
        Some(lint(
            &format!("the origin RegExp {}", regexp.display()),
            &reach.suffix,
            &reach.origin,
        ))
    });
    patterns.chain(regexps).collect()
}

fn lint(what: &str, suffix: &str, example: &str) -> Lint {
    Lint::new(
        Code::PublicSuffixWildcard,
        format!("{what} allows every site under {suffix}, where anyone can publish one ({example} too), so every other customer of that host can read your responses; {}", fix(suffix)),
    )
}

/// What to allow instead: the sites that are yours, and where the host nests a project's
/// deployments under its own name, a pattern over that name.
fn fix(suffix: &str) -> String {
    // GitHub and GitLab Pages name a site after its user or group.
    let name = match suffix {
        "github.io" | "gitlab.io" => "your-name",
        _ => "my-app",
    };
    let list =
        format!("list the origins of your own sites instead, such as \"https://{name}.{suffix}\"");
    let nested = match suffix {
        "pages.dev" => ", or \"https://*.my-app.pages.dev\", which covers the preview and branch deployments of your project my-app only",
        "vercel.app" => ", or give preview deployments a domain of your own (Vercel's Preview Deployment Suffix) and allow \"https://*.previews.example.com\"",
        _ => "",
    };
    format!("{list}{nested} (\"https://{name}-*.{suffix}\" is no pattern: \"*.\" stands for whole labels)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lints(exact: &[&str], regexps: &[&str]) -> Vec<Lint> {
        shared_host_lints(&OriginList::of(exact, regexps))
    }

    #[test]
    fn patterns_over_a_public_suffix_are_named_with_someone_elses_site() {
        for (pattern, someone_else) in [
            ("https://*.vercel.app", "https://someone-else.vercel.app"),
            ("https://*.netlify.app", "https://someone-else.netlify.app"),
            ("https://*.github.io", "https://someone-else.github.io"),
            ("https://*.pages.dev", "https://someone-else.pages.dev"),
            (
                "https://*.herokuapp.com",
                "https://someone-else.herokuapp.com",
            ),
            ("http://*.co.uk", "http://someone-else.co.uk"),
        ] {
            let found = lints(&[pattern], &[]);
            assert_eq!(found.len(), 1, "{pattern}");
            assert_eq!(found[0].code, Code::PublicSuffixWildcard);
            assert!(
                found[0].message.contains(someone_else),
                "{}",
                found[0].message
            );
            assert!(found[0].suggestion.is_empty());
        }
        assert!(lints(&["https://*.pages.dev"], &[])[0]
            .message
            .contains("\"https://*.my-app.pages.dev\""));
        assert!(lints(&["https://*.github.io"], &[])[0]
            .message
            .contains("\"https://your-name.github.io\""));
    }

    #[test]
    fn regexps_over_a_public_suffix_are_named() {
        for (regexp, suffix) in [
            (r"\.vercel\.app$", "vercel.app"),
            (r"^https:\/\/.*\.netlify\.app$", "netlify.app"),
            (r"^https:\/\/[a-z0-9-]+\.github\.io$", "github.io"),
            (r"^https:\/\/(.+\.)?pages\.dev$", "pages.dev"),
            (r"herokuapp\.com", "herokuapp.com"),
        ] {
            let found = lints(&[], &[regexp]);
            assert_eq!(found.len(), 1, "{regexp}");
            assert!(
                found[0]
                    .message
                    .contains(&format!("every site under {suffix}")),
                "{}",
                found[0].message
            );
        }
    }

    #[test]
    fn your_own_domain_and_named_sites_are_not_shared_hosts() {
        let found = lints(
            &[
                "https://*.example.com",
                "https://*.my-company.co.uk",
                "https://*.my-app.pages.dev",
                "https://my-app.vercel.app",
                "http://localhost:*",
                "https://*.localhost",
            ],
            &[
                r"^https:\/\/.*\.my-company\.co\.uk$",
                r"^https:\/\/(app|admin)\.vercel\.app$",
                r"^https:\/\/([a-z0-9-]+\.)*example\.com$",
            ],
        );
        assert_eq!(found, []);
    }
}
