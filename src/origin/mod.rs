//! Origins as browsers send them: `scheme://host[:port]`, parsed into scheme, host and port.
pub mod difference;
pub mod entry;
pub mod list;
pub mod pattern;
pub mod public_suffix;
pub mod rule;

/// A serialised origin: lower-case scheme and host, and the port unless it is the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The scheme in lower case, without `://`.
    pub scheme: String,
    /// The host in lower case; an IPv6 literal keeps its brackets.
    pub host: String,
    /// The port; `None` when absent or the scheme's default, so both compare equal.
    pub port: Option<u16>,
}

impl Origin {
    /// Parses `scheme://host[:port]` and nothing more (no path, query or user info).
    pub fn parse(text: &str) -> Option<Origin> {
        let (scheme, rest) = text.split_once("://")?;
        let (host, port) = split_port(rest)?;
        let scheme = scheme.to_ascii_lowercase();
        if !valid_scheme(&scheme) || !valid_host(host) {
            return None;
        }
        let port = match port {
            None => None,
            Some(digits) => Some(parse_port(digits)?),
        };
        let port = port.filter(|&port| Some(port) != default_port(&scheme));
        Some(Origin {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// Parses a configured origin, where an internationalised host such as `bücher.example`
    /// is written: it becomes the ASCII (Punycode) form browsers send. Only configuration is
    /// parsed this way; request origins are ASCII and take `parse`.
    pub fn parse_configured(text: &str) -> Option<Origin> {
        let (scheme, rest) = text.split_once("://")?;
        let (host, port) = split_port(rest)?;
        let host = ascii_host(host)?;
        let authority = match port {
            Some(port) => format!("{host}:{port}"),
            None => host,
        };
        Origin::parse(&format!("{scheme}://{authority}"))
    }

    /// The form a browser sends in the Origin header.
    pub fn serialize(&self) -> String {
        match self.port {
            Some(port) => format!("{}://{}:{port}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }
}

pub(crate) fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.contains(['/', '?', '#', '@']) || authority.is_empty() {
        return None;
    }
    if authority.starts_with('[') {
        // An IPv6 literal: the port, if any, follows the closing bracket.
        let end = authority.find(']')?;
        let (host, rest) = authority.split_at(end + 1);
        return match rest {
            "" => Some((host, None)),
            _ => Some((host, Some(rest.strip_prefix(':')?))),
        };
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => Some((host, Some(port))),
        None => Some((authority, None)),
    }
}

pub(crate) fn parse_port(digits: &str) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

pub(crate) fn valid_scheme(scheme: &str) -> bool {
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

pub(crate) fn valid_host(host: &str) -> bool {
    if host.starts_with('[') {
        return host.ends_with(']')
            && host[1..host.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// A configured host in the ASCII form browsers send: Unicode labels become Punycode (UTS 46).
pub fn ascii_host(host: &str) -> Option<String> {
    if host.is_ascii() {
        return Some(host.to_ascii_lowercase());
    }
    idna::domain_to_ascii(host)
        .ok()
        .filter(|ascii| valid_host(ascii))
}

/// The port a scheme implies (80 for http and ws, 443 for https and wss), which a serialised
/// origin leaves out.
pub fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internationalised_hosts_are_configured_in_their_ascii_form() {
        assert_eq!(
            Origin::parse_configured("https://bücher.example")
                .unwrap()
                .serialize(),
            "https://xn--bcher-kva.example"
        );
        assert_eq!(
            Origin::parse_configured("https://BÜCHER.example:443")
                .unwrap()
                .serialize(),
            "https://xn--bcher-kva.example"
        );
        assert_eq!(Origin::parse("https://bücher.example"), None);
    }

    #[test]
    fn default_ports_are_the_same_as_none() {
        assert_eq!(
            Origin::parse("HTTPS://App.Example.com:443"),
            Origin::parse("https://app.example.com")
        );
        assert_eq!(
            Origin::parse("https://app.example.com:443")
                .unwrap()
                .serialize(),
            "https://app.example.com"
        );
        assert_eq!(
            Origin::parse("http://a.example:8080").unwrap().serialize(),
            "http://a.example:8080"
        );
    }
}
