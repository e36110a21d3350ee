//! The cookie side of a credentialed fetch: whether each engine stores the cookies a response
//! sets and sends them back, and why not. CORS can pass while the session still fails: a
//! cross-site API's cookie is refused by WebKit and by Chromium's default third-party
//! blocking whatever its attributes, Firefox keeps it in the page's partition, and none say so
//! in the page. Input is the exchange the browser model walks (`browser::Exchange`).
mod date;
mod exclusion;
mod parse;
mod profile;
mod send;
mod site;
mod store;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use exclusion::CROSS_SITE_FIX;
pub use parse::{name_of, parse, SameSite, SetCookie, Unreadable, MAX_NAME_VALUE_BYTES};
pub use profile::Profile;

use crate::browser::{origin_of, Credentials, Exchange};
use exclusion::{Action, Exclusion};
use send::send;
use site::Site;
use store::{store, Context};

/// At most this many cookies are judged per exchange; the rest are left out.
pub const MAX_COOKIES: usize = 64;

/// One engine's verdict on one cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The configuration judged.
    pub profile: Profile,
    /// Whether the cookie is in the jar after the response (for a held cookie: whether the
    /// first-party visit stored it).
    pub stored: bool,
    /// Whether the same fetch from the page, repeated, carries it on one of its requests.
    pub sent: bool,
    /// Why not, in the engine's words.
    pub reason: Option<String>,
    /// How to make it work.
    pub fix: Option<String>,
}

/// One cookie and what each engine does with it.
#[derive(Clone, Debug)]
pub struct Report {
    /// The `Set-Cookie` value, or the held cookie as given.
    pub header: String,
    /// The URL whose response set it, or `None` for a cookie the browser already holds.
    pub set_by: Option<String>,
    /// The cookie read from `header`, unless it states none.
    pub cookie: Result<SetCookie, Unreadable>,
    /// In the order of [`Profile::ALL`].
    pub engines: Vec<Verdict>,
}

impl Report {
    /// The cookie's name (empty when nameless).
    pub fn name(&self) -> &str {
        name_of(&self.header)
    }
}

/// Each engine's verdict on the cookies of `exchange`: those `held` (`Set-Cookie`-style
/// strings the browser got on a first-party visit to the URL's own site), then every
/// `Set-Cookie` of each response in order, each judged against the URL that set it. `sent`
/// means the fetch, repeated from the page, carries the cookie on at least one of its hops
/// (a cookie set by a redirect goes on to later hops). `now` is seconds since the epoch.
pub fn judge(exchange: &Exchange, held: &[String], now: i64) -> Vec<Report> {
    let request = &exchange.request;
    let page = request.origin.as_str();
    // The hops a repeat of the fetch makes, with whether it is still on the page's origin.
    let mut hops: Vec<Context> = Vec::new();
    let urls = if exchange.responses.is_empty() {
        vec![request.url.as_str()]
    } else {
        exchange.responses.iter().map(|r| r.url.as_str()).collect()
    };
    let mut same_origin = true;
    for url in urls {
        same_origin &= origin_of(url).as_deref() == Some(page);
        hops.push(Context {
            page,
            url,
            credentials: request.credentials,
            same_origin,
        });
    }
    let mut reports = Vec::new();
    let own_site = origin_of(&request.url).unwrap_or_default();
    let visit = Context {
        page: &own_site,
        url: &request.url,
        credentials: Credentials::Include,
        same_origin: true,
    };
    for header in held.iter().take(MAX_COOKIES) {
        reports.push(report(header, None, &visit, &hops, 0, now));
    }
    for (index, response) in exchange.responses.iter().enumerate() {
        let set_cookies = response
            .headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"));
        for (_, value) in set_cookies {
            if reports.len() == MAX_COOKIES {
                return reports;
            }
            reports.push(report(
                value,
                Some(response.url.clone()),
                &hops[index],
                &hops,
                index,
                now,
            ));
        }
    }
    reports
}

/// What a page on `page` must know when its credentialed fetch of `url` goes to another site:
/// no attribute makes a cookie session work there in every engine. `None` when same-site.
pub fn cross_site_note(page: &str, url: &str) -> Option<String> {
    // WebKit's sites are the coarsest: what is cross-site there is cross-site everywhere.
    let rules = Profile::Webkit.site_rules();
    let (page_site, api_site) = (Site::of(page, rules)?, Site::of(url, rules)?);
    if page_site.same_as(&api_site, rules) {
        return None;
    }
    Some(format!(
        "the API ({}) is on another site than the page ({}): WebKit stores no cookie from its responses, and Chromium, which blocks third-party cookies by default, neither stores nor sends one, whatever the cookie's attributes (Firefox keeps it for this page's site only). What works in every engine: {CROSS_SITE_FIX}",
        origin_of(url)?,
        page
    ))
}

/// One cookie set in `origin` (the context of the response that set it) and the repeat's
/// `hops`, `own` the index of the hop that set it.
fn report(
    header: &str,
    set_by: Option<String>,
    origin: &Context,
    hops: &[Context],
    own: usize,
    now: i64,
) -> Report {
    let cookie = parse(header);
    let engines = Profile::ALL
        .iter()
        .map(|&profile| {
            let outcome = match &cookie {
                Err(unreadable) => Err((Action::Store, Exclusion::Unreadable(*unreadable))),
                Ok(cookie) => verdict(profile, cookie, origin, hops, own, now),
            };
            let name = name_of(header);
            match outcome {
                Ok(()) => Verdict {
                    profile,
                    stored: true,
                    sent: true,
                    reason: None,
                    fix: None,
                },
                Err((action, exclusion)) => Verdict {
                    profile,
                    stored: action == Action::Send,
                    sent: false,
                    reason: Some(exclusion.reason(profile, action, name)),
                    fix: Some(exclusion.fix(profile)),
                },
            }
        })
        .collect();
    Report {
        header: header.to_string(),
        set_by,
        cookie,
        engines,
    }
}

/// `Ok` when stored and sent on some hop; otherwise where it failed and why (for sending, the
/// exclusion on the hop that set it, or the first hop for a held cookie).
fn verdict(
    profile: Profile,
    cookie: &SetCookie,
    origin: &Context,
    hops: &[Context],
    own: usize,
    now: i64,
) -> Result<(), (Action, Exclusion)> {
    let stored =
        store(profile, cookie, origin, now).map_err(|exclusion| (Action::Store, exclusion))?;
    let mut first = None;
    for hop in hops[own..].iter().chain(&hops[..own]) {
        match send(profile, &stored, hop) {
            Ok(()) => return Ok(()),
            Err(exclusion) => {
                first.get_or_insert(exclusion);
            }
        }
    }
    Err((Action::Send, first.unwrap_or(Exclusion::DomainMismatch)))
}
