//! Where a cookie belongs: sites (scheme and registrable domain, from the Public Suffix List),
//! domain and path matching, and which URLs count as secure.
use crate::browser::{origin_of, path_of};
use crate::origin::public_suffix::{is_public_suffix, registrable_domain};
use crate::origin::Origin;

/// A site: the scheme and the registrable domain (`https://example.com` for
/// `https://api.example.com`); a host with none (an IP address, `localhost`, a name under no
/// listed suffix) is its own site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// `http` or `https`.
    pub scheme: String,
    /// The registrable domain, or the whole host.
    pub domain: String,
}

impl Site {
    /// The site of an http(s) URL or origin; `None` for an opaque origin (`null`).
    pub fn of(url: &str) -> Option<Site> {
        let origin = Origin::parse(&origin_of(url)?)?;
        let domain = registrable_domain(&origin.host).map_or(origin.host.clone(), str::to_string);
        Some(Site {
            scheme: origin.scheme,
            domain,
        })
    }

    /// Whether two sites are the same; `schemeful` compares the schemes too, as Chromium does
    /// (an http page and an https API of one domain are then cross-site).
    pub fn same_as(&self, other: &Site, schemeful: bool) -> bool {
        self.domain == other.domain && (!schemeful || self.scheme == other.scheme)
    }

    /// `https://example.com`.
    pub fn serialize(&self) -> String {
        format!("{}://{}", self.scheme, self.domain)
    }
}

/// Whether a request to `url` from a page of `page` (an origin) is same-site.
pub fn same_site(page: &str, url: &str, schemeful: bool) -> bool {
    match (Site::of(page), Site::of(url)) {
        (Some(page), Some(target)) => page.same_as(&target, schemeful),
        _ => false,
    }
}

/// The parts of a URL a cookie is matched against.
#[derive(Clone, Debug)]
pub struct Target {
    /// The host, lower case.
    pub host: String,
    /// The path, without query.
    pub path: String,
    /// `https:`.
    pub https: bool,
    /// `https:`, or a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`): a potentially
    /// trustworthy origin.
    pub trustworthy: bool,
}

impl Target {
    /// An http(s) URL's parts, or `None` for anything else.
    pub fn of(url: &str) -> Option<Target> {
        let origin = Origin::parse(&origin_of(url)?)?;
        let host = origin.host;
        let loopback = host == "localhost"
            || host.ends_with(".localhost")
            || host == "[::1]"
            || host
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback());
        let https = origin.scheme == "https";
        Some(Target {
            path: path_of(url),
            trustworthy: https || loopback,
            https,
            host,
        })
    }
}

/// RFC 6265bis *domain-match*: the host is the domain, or a name under it (never an IP).
pub fn domain_match(host: &str, domain: &str) -> bool {
    host == domain
        || (host.ends_with(domain)
            && host.as_bytes().get(host.len() - domain.len() - 1) == Some(&b'.')
            && !host.starts_with('[')
            && host.parse::<std::net::Ipv4Addr>().is_err())
}

/// The domain a cookie is stored for and whether it is host-only, given its `Domain`
/// attribute and the host that set it; `None` when the attribute is refused (another site, or
/// a public suffix other than the host itself).
pub fn cookie_domain(attribute: Option<&str>, host: &str) -> Option<(String, bool)> {
    let Some(domain) = attribute else {
        return Some((host.to_string(), true));
    };
    // A host with no registrable domain (an IP, localhost) or that is itself a public suffix
    // may name only itself, and the cookie is then host-only (Chromium `cookie_util.cc`,
    // RFC 6265bis §5.7 step 5).
    if domain == host && (is_public_suffix(domain) || registrable_domain(host).is_none()) {
        return Some((host.to_string(), true));
    }
    if is_public_suffix(domain) || registrable_domain(host).is_none() || !domain_match(host, domain)
    {
        return None;
    }
    Some((domain.to_string(), false))
}

/// RFC 6265bis *default-path*: the request path up to its last `/`.
pub fn default_path(path: &str) -> String {
    match path.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(last) => path[..last].to_string(),
    }
}

/// RFC 6265bis *path-match*.
pub fn path_match(request: &str, cookie: &str) -> bool {
    request == cookie
        || (request.starts_with(cookie)
            && (cookie.ends_with('/') || request.as_bytes().get(cookie.len()) == Some(&b'/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_scheme_and_registrable_domain() {
        assert!(same_site(
            "https://app.example.com",
            "https://api.example.com/x",
            true
        ));
        assert!(!same_site(
            "https://app.example.com",
            "https://api.other.test/x",
            true
        ));
        // Schemeful: an http page and an https API of one domain.
        assert!(!same_site(
            "http://app.example.com",
            "https://api.example.com/x",
            true
        ));
        assert!(same_site(
            "http://app.example.com",
            "https://api.example.com/x",
            false
        ));
        // A public suffix on the list splits sites.
        assert!(!same_site(
            "https://a.vercel.app",
            "https://b.vercel.app/",
            true
        ));
        // Ports do not count; an IP or localhost is its own site.
        assert!(same_site(
            "http://localhost:3000",
            "http://localhost:8000/",
            true
        ));
        assert!(!same_site(
            "http://localhost:3000",
            "http://127.0.0.1:8000/",
            true
        ));
        assert!(!same_site("null", "https://api.example.com/", true));
        assert_eq!(
            Site::of("https://x.api.other.test/").unwrap().serialize(),
            "https://x.api.other.test"
        );
    }

    #[test]
    fn domain_attributes() {
        assert_eq!(
            cookie_domain(None, "api.example.com"),
            Some(("api.example.com".into(), true))
        );
        assert_eq!(
            cookie_domain(Some("example.com"), "api.example.com"),
            Some(("example.com".into(), false))
        );
        assert_eq!(cookie_domain(Some("other.com"), "api.example.com"), None);
        assert_eq!(cookie_domain(Some("com"), "api.example.com"), None);
        assert_eq!(
            cookie_domain(Some("i.example.com"), "api.example.com"),
            None
        );
        assert_eq!(cookie_domain(Some("vercel.app"), "me.vercel.app"), None);
        assert_eq!(
            cookie_domain(Some("127.0.0.1"), "127.0.0.1"),
            Some(("127.0.0.1".into(), true))
        );
        assert_eq!(cookie_domain(Some("0.0.1"), "127.0.0.1"), None);
        assert_eq!(
            cookie_domain(Some("localhost"), "localhost"),
            Some(("localhost".into(), true))
        );
    }

    #[test]
    fn paths() {
        assert_eq!(default_path("/api/login"), "/api");
        assert_eq!(default_path("/login"), "/");
        assert_eq!(default_path("/"), "/");
        assert!(path_match("/api/me", "/api"));
        assert!(path_match("/api/me", "/api/"));
        assert!(path_match("/api", "/api"));
        assert!(!path_match("/apiary", "/api"));
        assert!(!path_match("/", "/api"));
    }

    #[test]
    fn secure_urls() {
        let target = |url| Target::of(url).unwrap();
        assert!(target("https://api.example.com/").https);
        assert!(
            target("http://localhost:3000/").trustworthy && !target("http://localhost:3000/").https
        );
        assert!(target("http://127.0.0.2/").trustworthy);
        assert!(!target("http://api.example.com/").trustworthy);
        assert!(domain_match("a.b.example.com", "example.com"));
        assert!(!domain_match("aexample.com", "example.com"));
    }
}
