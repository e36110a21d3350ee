//! Whether an engine sends a cookie it holds on a request.
use super::profile::{Profile, ThirdParty};
use super::refusal::Refusal;
use super::site::{domain_match, path_match, same_site, Site, Target};
use super::store::{same_site_refusal, Context, Stored};

/// Whether `profile` puts `stored` on the request `cx`.
pub fn send(profile: Profile, stored: &Stored, cx: &Context) -> Result<(), Refusal> {
    if !cx.credentials.includes_cookies(cx.same_origin) {
        return Err(Refusal::CredentialsMode(cx.credentials));
    }
    let target = Target::of(cx.url).ok_or(Refusal::DomainMismatch)?;
    let domain_ok = if stored.host_only {
        target.host == stored.domain
    } else {
        domain_match(&target.host, &stored.domain)
    };
    if !domain_ok {
        return Err(Refusal::DomainMismatch);
    }
    if !path_match(&target.path, &stored.path) {
        return Err(Refusal::NotOnPath);
    }
    let cookie = &stored.cookie;
    if cookie.secure && !(target.https || (profile.loopback_is_secure() && target.trustworthy)) {
        return Err(Refusal::NotSecure);
    }
    if let Some(refusal) = same_site_refusal(profile, cookie.same_site, cx) {
        return Err(refusal);
    }
    let rules = profile.site_rules();
    let cross_site = !same_site(cx.page, cx.url, rules);
    match &stored.partition {
        Some(key) => match Site::of(cx.page, rules) {
            Some(page) if page.same_as(key, rules) => Ok(()),
            _ => Err(Refusal::OtherPartition),
        },
        None if cross_site => match profile.third_party() {
            ThirdParty::Allowed | ThirdParty::SetBlocked => Ok(()),
            ThirdParty::PartitionedOnly | ThirdParty::AlwaysPartitioned => Err(Refusal::ThirdParty),
        },
        None => Ok(()),
    }
}
