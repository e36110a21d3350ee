//! The Public Suffix List (compiled in by the `psl` crate): where anyone may register a name.
//! The one place that answers "is this a public suffix" and "which site is this host in", for
//! the policy's lints and the cookie model's same-site test.

/// The listed public suffix `host` ends with (`co.uk`, `vercel.app`, `github.io`), or `None`
/// when no rule of the list matches (an unlisted top-level name, an IP address, `localhost`).
pub fn listed_suffix(host: &str) -> Option<&str> {
    let host = host.trim_end_matches('.');
    let suffix = psl::suffix(host.as_bytes())?;
    if !suffix.is_known() {
        return None;
    }
    std::str::from_utf8(suffix.as_bytes()).ok()
}

/// Whether `host` itself is a listed public suffix: every name under it belongs to someone else.
pub fn is_public_suffix(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    listed_suffix(host).is_some_and(|suffix| suffix.eq_ignore_ascii_case(host))
}

/// The registrable domain (the public suffix plus one label: `example.co.uk`, `me.vercel.app`),
/// or `None` for a public suffix itself, an IP address or a name under no listed suffix.
pub fn registrable_domain(host: &str) -> Option<&str> {
    let host = host.trim_end_matches('.');
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return None;
    }
    let domain = psl::domain(host.as_bytes())?;
    if !domain.suffix().is_known() {
        return None;
    }
    std::str::from_utf8(domain.as_bytes()).ok()
}

/// The registrable domain under the list's implicit `*` rule, which makes an unlisted top-level
/// name a public suffix (`other.test` for `api.other.test`), as Firefox and libpsl read the list;
/// `None` for a public suffix itself, an IP address or a single label (`localhost`).
pub fn registrable_domain_implicit(host: &str) -> Option<&str> {
    let host = host.trim_end_matches('.');
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return None;
    }
    let domain = psl::domain(host.as_bytes())?;
    std::str::from_utf8(domain.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosting_platforms_are_public_suffixes() {
        for host in [
            "vercel.app",
            "netlify.app",
            "github.io",
            "pages.dev",
            "herokuapp.com",
            "co.uk",
            "com",
        ] {
            assert!(is_public_suffix(host), "{host}");
        }
        for host in ["example.com", "my-app.vercel.app", "localhost", "127.0.0.1"] {
            assert!(!is_public_suffix(host), "{host}");
        }
    }

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable_domain("api.example.com"), Some("example.com"));
        assert_eq!(
            registrable_domain("a.b.example.co.uk"),
            Some("example.co.uk")
        );
        assert_eq!(
            registrable_domain("preview-1.my-app.vercel.app"),
            Some("my-app.vercel.app")
        );
        assert_eq!(registrable_domain("vercel.app"), None);
        assert_eq!(registrable_domain("127.0.0.1"), None);
        assert_eq!(registrable_domain("[::1]"), None);
        assert_eq!(registrable_domain("localhost"), None);
    }

    #[test]
    fn the_implicit_rule() {
        assert_eq!(
            registrable_domain_implicit("api.other.test"),
            Some("other.test")
        );
        assert_eq!(
            registrable_domain_implicit("a.b.example.co.uk"),
            Some("example.co.uk")
        );
        assert_eq!(registrable_domain_implicit("localhost"), None);
        assert_eq!(registrable_domain_implicit("127.0.0.1"), None);
        assert_eq!(registrable_domain_implicit("test"), None);
    }

    #[test]
    fn listed_suffixes() {
        assert_eq!(listed_suffix("x.github.io"), Some("github.io"));
        assert_eq!(listed_suffix("api.example.com"), Some("com"));
        assert_eq!(listed_suffix("printer.internal-name"), None);
    }
}
