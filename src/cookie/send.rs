//! Whether an engine sends a cookie it holds on a request.
use super::exclusion::Exclusion;
use super::profile::{Profile, ThirdParty};
use super::site::{domain_match, path_match, same_site, Site, Target};
use super::store::{same_site_exclusion, Context, Stored};

/// Whether `profile` puts `stored` on the request `cx`.
pub fn send(profile: Profile, stored: &Stored, cx: &Context) -> Result<(), Exclusion> {
    if !cx.credentials.includes_cookies(cx.same_origin) {
        return Err(Exclusion::CredentialsMode(cx.credentials));
    }
    let target = Target::of(cx.url).ok_or(Exclusion::DomainMismatch)?;
    let domain_ok = if stored.host_only {
        target.host == stored.domain
    } else {
        domain_match(&target.host, &stored.domain)
    };
    if !domain_ok {
        return Err(Exclusion::DomainMismatch);
    }
    if !path_match(&target.path, &stored.path) {
        return Err(Exclusion::NotOnPath);
    }
    let cookie = &stored.cookie;
    if cookie.secure && !(target.https || (profile.loopback_is_secure() && target.trustworthy)) {
        return Err(Exclusion::NotSecure);
    }
    if let Some(exclusion) = same_site_exclusion(profile, cookie.same_site, cx) {
        return Err(exclusion);
    }
    let rules = profile.site_rules();
    let cross_site = !same_site(cx.page, cx.url, rules);
    match &stored.partition {
        Some(key) => match Site::of(cx.page, rules) {
            Some(page) if page.same_as(key, rules) => Ok(()),
            _ => Err(Exclusion::OtherPartition),
        },
        None if cross_site => match profile.third_party() {
            ThirdParty::Allowed | ThirdParty::SetBlocked => Ok(()),
            ThirdParty::PartitionedOnly | ThirdParty::AlwaysPartitioned => {
                Err(Exclusion::ThirdParty)
            }
        },
        None => Ok(()),
    }
}
