//! Where a cookie belongs: sites (scheme and registrable domain, from the Public Suffix List),
//! domain and path matching, and which URLs count as secure.
use crate::browser::{origin_of, path_of};
use crate::origin::public_suffix::{registrable_domain, registrable_domain_implicit};
use crate::origin::Origin;

/// How an engine draws sites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// The scheme counts (Chromium's schemeful same-site): an http page and an https API of one
    /// domain are then cross-site.
    pub schemeful: bool,
    /// A name under an unlisted top-level name (`api.other.test`) has the registrable domain
    /// the list's implicit `*` rule gives (`other.test`), otherwise it is its own site.
    /// Chromium and Firefox stored a cookie with `Domain=other.test` from `api.other.test`,
    /// and took `app.other.test` and `api.other.test` for one site (observed).
    pub implicit_suffix: bool,
}

impl Rules {
    /// These rules with the scheme ignored.
    pub fn schemeless(self) -> Rules {
        Rules {
            schemeful: false,
            ..self
        }
    }

    fn registrable(self, host: &str) -> Option<&str> {
        if self.implicit_suffix {
            registrable_domain_implicit(host)
        } else {
            registrable_domain(host)
        }
    }
}

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
    pub fn of(url: &str, rules: Rules) -> Option<Site> {
        let origin = Origin::parse(&origin_of(url)?)?;
        let domain = rules
            .registrable(&origin.host)
            .map_or(origin.host.clone(), str::to_string);
        Some(Site {
            scheme: origin.scheme,
            domain,
        })
    }

    /// Whether two sites are the same under `rules`.
    pub fn same_as(&self, other: &Site, rules: Rules) -> bool {
        self.domain == other.domain && (!rules.schemeful || self.scheme == other.scheme)
    }
}

/// Whether a request to `url` from a page of `page` (an origin) is same-site.
pub fn same_site(page: &str, url: &str, rules: Rules) -> bool {
    match (Site::of(page, rules), Site::of(url, rules)) {
        (Some(page), Some(target)) => page.same_as(&target, rules),
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
pub fn cookie_domain(attribute: Option<&str>, host: &str, rules: Rules) -> Option<(String, bool)> {
    let Some(domain) = attribute else {
        return Some((host.to_string(), true));
    };
    match rules.registrable(host) {
        // An IP, localhost, a public suffix itself (or, in Chromium, a name under an unlisted
        // one) may name only itself, and the cookie is then host-only (Chromium
        // `cookie_util.cc`, RFC 6265bis §5.7 step 5).
        None => (domain == host).then(|| (host.to_string(), true)),
        Some(site) => (domain_match(host, domain) && domain_match(domain, site))
            .then(|| (domain.to_string(), false)),
    }
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

    const CHROMIUM: Rules = Rules {
        schemeful: true,
        implicit_suffix: false,
    };
    const FIREFOX: Rules = Rules {
        schemeful: false,
        implicit_suffix: true,
    };

    #[test]
    fn sites_are_scheme_and_registrable_domain() {
        let same = |page, url, rules| same_site(page, url, rules);
        assert!(same(
            "https://app.example.com",
            "https://api.example.com/x",
            CHROMIUM
        ));
        assert!(!same(
            "https://app.example.com",
            "https://api.other.test/x",
            CHROMIUM
        ));
        // Schemeful: an http page and an https API of one domain.
        assert!(!same(
            "http://app.example.com",
            "https://api.example.com/x",
            CHROMIUM
        ));
        assert!(same(
            "http://app.example.com",
            "https://api.example.com/x",
            FIREFOX
        ));
        // A public suffix on the list splits sites.
        assert!(!same(
            "https://a.vercel.app",
            "https://b.vercel.app/",
            FIREFOX
        ));
        // Ports do not count; an IP or localhost is its own site.
        assert!(same(
            "http://localhost:3000",
            "http://localhost:8000/",
            CHROMIUM
        ));
        assert!(!same(
            "http://localhost:3000",
            "http://127.0.0.1:8000/",
            FIREFOX
        ));
        assert!(!same("null", "https://api.example.com/", FIREFOX));
        // An unlisted top-level name: its own site in Chromium, a suffix in Firefox.
        assert!(!same(
            "https://app.other.test",
            "https://api.other.test/",
            CHROMIUM
        ));
        assert!(same(
            "https://app.other.test",
            "https://api.other.test/",
            FIREFOX
        ));
        let site = Site::of("https://x.api.other.test/", CHROMIUM).unwrap();
        assert_eq!(site.domain, "x.api.other.test");
    }

    #[test]
    fn domain_attributes() {
        let domain = |attribute, host, rules| cookie_domain(Some(attribute), host, rules);
        let host_only = |host: &str| Some((host.to_string(), true));
        assert_eq!(
            cookie_domain(None, "api.example.com", CHROMIUM),
            host_only("api.example.com")
        );
        assert_eq!(
            domain("example.com", "api.example.com", CHROMIUM),
            Some(("example.com".into(), false))
        );
        for (attribute, host) in [
            ("other.com", "api.example.com"),
            ("com", "api.example.com"),
            ("i.example.com", "api.example.com"),
            ("vercel.app", "me.vercel.app"),
            ("0.0.1", "127.0.0.1"),
        ] {
            assert_eq!(
                domain(attribute, host, FIREFOX),
                None,
                "{attribute} from {host}"
            );
        }
        assert_eq!(
            domain("127.0.0.1", "127.0.0.1", CHROMIUM),
            host_only("127.0.0.1")
        );
        assert_eq!(
            domain("localhost", "localhost", FIREFOX),
            host_only("localhost")
        );
        assert_eq!(
            domain("github.io", "github.io", CHROMIUM),
            host_only("github.io")
        );
        // Under an unlisted top-level name.
        assert_eq!(domain("other.test", "api.other.test", CHROMIUM), None);
        assert_eq!(
            domain("other.test", "api.other.test", FIREFOX),
            Some(("other.test".into(), false))
        );
        assert_eq!(domain("test", "api.other.test", FIREFOX), None);
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
