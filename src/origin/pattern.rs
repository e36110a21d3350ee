//! Wildcard origin entries such as `https://*.example.com` and `http://localhost:*`, matched on
//! the parsed origin, never on raw text.

use crate::origin::{
    ascii_host, default_port, parse_port, split_port, valid_host, valid_scheme, Origin,
};

#[derive(Debug, Clone, PartialEq, Eq)]
enum HostPattern {
    Exact(String),
    /// `*.example.com`: any subdomain at any depth, never the apex itself.
    SubdomainOf(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PortPattern {
    Exact(Option<u16>),
    Any,
}

/// A configured origin with a `*` for the subdomains or for the port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginPattern {
    scheme: String,
    host: HostPattern,
    port: PortPattern,
}

impl OriginPattern {
    /// Parses `scheme://[*.]host[:port|:*]`; the error says what is wrong and how to write it.
    pub fn parse(text: &str) -> Result<OriginPattern, String> {
        let (scheme, rest) = text.split_once("://").ok_or_else(|| {
            format!("the pattern {text:?} has no scheme; write it like \"https://*.example.com\"")
        })?;
        let scheme = scheme.to_ascii_lowercase();
        let (host, port) = split_port(rest).ok_or_else(|| {
            format!("the pattern {text:?} has a path or a malformed port; write only scheme://host[:port], like \"https://*.example.com\" or \"http://localhost:*\"")
        })?;
        if !valid_scheme(&scheme) {
            return Err(format!(
                "the pattern {text:?} has an invalid scheme; use http or https"
            ));
        }
        // An internationalised domain is matched in the ASCII form browsers send.
        let wildcard = host.strip_prefix("*.");
        let ascii = ascii_host(wildcard.unwrap_or(host)).unwrap_or_default();
        let host = match wildcard {
            Some(_) if valid_host(&ascii) && ascii.contains('.') || domain_is_single_label_ok(&ascii) => {
                HostPattern::SubdomainOf(ascii)
            }
            Some(_) => return Err(format!("the pattern {text:?} needs a domain after \"*.\"; write it like \"https://*.example.com\"")),
            None if valid_host(&ascii) => HostPattern::Exact(ascii),
            None => {
                return Err(format!(
                    "the pattern {text:?} puts \"*\" where it is not supported; use \"*.\" at the start of the host (\"https://*.example.com\") or \"*\" as the port (\"http://localhost:*\")"
                ))
            }
        };
        let port = match port {
            Some("*") => PortPattern::Any,
            None => PortPattern::Exact(None),
            Some(digits) => {
                let port = parse_port(digits)
                    .ok_or_else(|| format!("the pattern {text:?} has an invalid port"))?;
                PortPattern::Exact(Some(port).filter(|&port| Some(port) != default_port(&scheme)))
            }
        };
        if matches!(
            (&host, &port),
            (HostPattern::Exact(_), PortPattern::Exact(_))
        ) {
            return Err(format!(
                "the pattern {text:?} has no wildcard in the host or the port"
            ));
        }
        Ok(OriginPattern { scheme, host, port })
    }

    /// The domain of a `*.` pattern, whose subdomains it allows (`example.com`), if it is one.
    pub fn subdomains_of(&self) -> Option<&str> {
        match &self.host {
            HostPattern::SubdomainOf(domain) => Some(domain),
            HostPattern::Exact(_) => None,
        }
    }

    /// The scheme, lower case.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Whether a parsed request origin fits: the same scheme, the host (with `*.`, any subdomain
    /// of it but never the domain itself), and the port or, with `:*`, any port.
    pub fn matches(&self, origin: &Origin) -> bool {
        origin.scheme == self.scheme
            && match &self.host {
                HostPattern::Exact(host) => origin.host == *host,
                HostPattern::SubdomainOf(domain) => origin
                    .host
                    .strip_suffix(domain.as_str())
                    .and_then(|label| label.strip_suffix('.'))
                    .is_some_and(|subdomains| !subdomains.is_empty()),
            }
            && match self.port {
                PortPattern::Any => true,
                PortPattern::Exact(port) => origin.port == port,
            }
    }
}

/// `*.localhost` is the one single-label domain worth allowing.
fn domain_is_single_label_ok(domain: &str) -> bool {
    domain.eq_ignore_ascii_case("localhost")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allows(pattern: &str, origin: &str) -> bool {
        let pattern = OriginPattern::parse(pattern).unwrap();
        Origin::parse(origin).is_some_and(|origin| pattern.matches(&origin))
    }

    #[test]
    fn internationalised_domains_match_their_ascii_form() {
        assert!(allows(
            "https://*.bücher.example",
            "https://shop.xn--bcher-kva.example"
        ));
        assert!(!allows(
            "https://*.bücher.example",
            "https://xn--bcher-kva.example"
        ));
        assert!(allows(
            "https://bücher.example:*",
            "https://xn--bcher-kva.example:8443"
        ));
    }

    #[test]
    fn subdomain_wildcards_match_any_depth_and_nothing_else() {
        let pattern = "https://*.example.com";
        for good in [
            "https://a.example.com",
            "https://a.b.example.com",
            "https://A.Example.COM",
            "https://a.example.com:443",
        ] {
            assert!(allows(pattern, good), "{good}");
        }
        for evil in [
            "https://example.com",
            "https://example.com.evil.net",
            "https://a.example.com.evil.net",
            "https://evilexample.com",
            "https://a.evilexample.com",
            "http://a.example.com",
            "https://a.example.com:8443",
            "https://.example.com",
            "https://a..example.com",
            "https://a.example.com/",
            "https://user@a.example.com",
            "https://a.example.com%2eevil.net",
            "https://a.example.com\u{0}.evil.net",
            "https://a_example.com",
            "null",
        ] {
            assert!(!allows(pattern, evil), "{evil}");
        }
    }

    #[test]
    fn port_wildcards_match_any_port_of_that_host_only() {
        let pattern = "http://localhost:*";
        for good in [
            "http://localhost",
            "http://localhost:3000",
            "http://localhost:5173",
            "http://LOCALHOST:65535",
        ] {
            assert!(allows(pattern, good), "{good}");
        }
        for evil in [
            "https://localhost:3000",
            "http://localhost.evil.net:3000",
            "http://evil-localhost:3000",
            "http://localhost:99999",
            "http://127.0.0.1:3000",
            "http://localhost:3000/x",
        ] {
            assert!(!allows(pattern, evil), "{evil}");
        }
    }

    #[test]
    fn default_ports_in_patterns_are_the_same_as_none() {
        assert!(allows("https://*.example.com:443", "https://a.example.com"));
    }

    #[test]
    fn malformed_patterns_are_refused_with_the_fix() {
        for (pattern, says) in [
            ("*.example.com", "has no scheme"),
            ("https://*.example.com/", "path"),
            ("https://*example.com", "where it is not supported"),
            ("https://a.*.example.com", "where it is not supported"),
            ("https://*.com", "needs a domain"),
            ("https://*.example.com:x", "invalid port"),
        ] {
            let error = OriginPattern::parse(pattern).unwrap_err();
            assert!(error.contains(says), "{pattern}: {error}");
        }
    }
}
