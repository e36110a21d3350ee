//! Whether an engine stores the cookie a response sets, and where: host or domain, path, and
//! the partition (the page's site) it is kept in.
use super::exclusion::Exclusion;
use super::parse::{SameSite, SetCookie};
use super::profile::{Profile, ThirdParty};
use super::site::{cookie_domain, default_path, same_site, Site, Target};
use crate::browser::Credentials;

/// One request of a fetch, as the cookie rules see it.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The page's origin (the top-level site's, for a fetch from a page).
    pub page: &'a str,
    /// The URL of this request (this hop).
    pub url: &'a str,
    /// The fetch's credentials mode.
    pub credentials: Credentials,
    /// Whether the fetch has stayed on the page's origin, this hop included.
    pub same_origin: bool,
}

/// A cookie in the jar.
#[derive(Clone, Debug)]
pub struct Stored {
    /// As the server set it.
    pub cookie: SetCookie,
    /// The host (host-only) or the domain it is sent to.
    pub domain: String,
    /// Sent only to this host when true; to the domain and the names under it otherwise.
    pub host_only: bool,
    /// Sent to this path and below.
    pub path: String,
    /// The top-level site it is kept for, when partitioned.
    pub partition: Option<Site>,
}

/// Whether `profile` stores `cookie`, set by the response to the request `cx`.
pub fn store(
    profile: Profile,
    cookie: &SetCookie,
    cx: &Context,
    now: i64,
) -> Result<Stored, Exclusion> {
    if !cx.credentials.includes_cookies(cx.same_origin) {
        return Err(Exclusion::CredentialsMode(cx.credentials));
    }
    let rules = profile.site_rules();
    let target = Target::of(cx.url).ok_or(Exclusion::DomainMismatch)?;
    let secure_url = target.https || (profile.loopback_is_secure() && target.trustworthy);
    if cookie.secure && !secure_url {
        return Err(Exclusion::NotSecure);
    }
    if profile.enforces_prefixes() && breaks_prefix(cookie) {
        return Err(Exclusion::InvalidPrefix);
    }
    let (domain, host_only) = cookie_domain(cookie.domain.as_deref(), &target.host, rules)
        .ok_or(Exclusion::InvalidDomain)?;
    if profile.none_requires_secure() && cookie.same_site == SameSite::None && !cookie.secure {
        return Err(Exclusion::SameSiteNoneInsecure);
    }
    if profile.is_chromium() && cookie.partitioned && !cookie.secure {
        return Err(Exclusion::PartitionedInsecure);
    }
    if let Some(exclusion) = same_site_exclusion(profile, cookie.same_site, cx) {
        return Err(exclusion);
    }
    let page_site = || Site::of(cx.page, rules).ok_or(Exclusion::ThirdParty);
    let partition = if same_site(cx.page, cx.url, rules) {
        (profile.is_chromium() && cookie.partitioned)
            .then(page_site)
            .transpose()?
    } else {
        match profile.third_party() {
            ThirdParty::PartitionedOnly if cookie.partitioned => Some(page_site()?),
            ThirdParty::Allowed if cookie.partitioned => Some(page_site()?),
            ThirdParty::Allowed => None,
            ThirdParty::AlwaysPartitioned => Some(page_site()?),
            ThirdParty::PartitionedOnly | ThirdParty::SetBlocked => {
                return Err(Exclusion::ThirdParty)
            }
        }
    };
    if cookie.expired(now) {
        return Err(Exclusion::Expired);
    }
    Ok(Stored {
        cookie: cookie.clone(),
        domain,
        host_only,
        path: cookie
            .path
            .clone()
            .unwrap_or_else(|| default_path(&target.path)),
        partition,
    })
}

/// The exclusion a cookie's `SameSite` gets on a request from `cx.page` to `cx.url` (storing
/// or sending alike), if any.
pub fn same_site_exclusion(
    profile: Profile,
    attribute: SameSite,
    cx: &Context,
) -> Option<Exclusion> {
    let rules = profile.same_site_rules();
    if same_site(cx.page, cx.url, rules) || !profile.withholds_cross_site(attribute) {
        return None;
    }
    let downgraded = same_site(cx.page, cx.url, rules.schemeless());
    Some(Exclusion::CrossSite {
        same_site: attribute,
        downgraded,
    })
}

/// RFC 6265bis §4.1.3: `__Secure-` needs `Secure`; `__Host-` needs `Secure`, `Path=/` and no
/// `Domain`. Both prefixes match without regard to case.
fn breaks_prefix(cookie: &SetCookie) -> bool {
    let name = cookie.name.as_bytes();
    let starts = |prefix: &str| {
        name.len() >= prefix.len() && name[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    (starts("__Secure-") && !cookie.secure)
        || (starts("__Host-")
            && (!cookie.secure || cookie.domain.is_some() || cookie.path.as_deref() != Some("/")))
}
