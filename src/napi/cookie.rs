//! The Node-API surface of the cookie model: plain objects in, plain objects out.
#![cfg_attr(test, allow(dead_code))]
use napi::{Error, Result, Status};
use napi_derive::napi;

use super::browser::{exchange, BrowserExchange};
use crate::cookie::{self, Report, Verdict};

#[napi(object)]
pub struct CookieAttributes {
    pub domain: Option<String>,
    pub path: Option<String>,
    pub secure: bool,
    pub http_only: bool,
    /// `'unspecified' | 'invalid' | 'None' | 'Lax' | 'Strict'`.
    pub same_site: String,
    pub partitioned: bool,
    pub max_age: Option<f64>,
    /// Seconds since the epoch.
    pub expires: Option<f64>,
}

#[napi(object)]
pub struct CookieVerdict {
    pub stored: bool,
    pub sent: bool,
    pub reason: Option<String>,
    pub fix: Option<String>,
}

#[napi(object)]
pub struct CookieEngines {
    pub chromium: CookieVerdict,
    pub chromium_third_party_allowed: CookieVerdict,
    pub firefox: CookieVerdict,
    pub webkit: CookieVerdict,
}

#[napi(object)]
pub struct CookieReport {
    pub name: String,
    /// The URL whose response set it; null for a cookie the browser already held.
    pub set_by: Option<String>,
    /// Null when the header states no cookie.
    pub attributes: Option<CookieAttributes>,
    pub engines: CookieEngines,
}

/// Each engine's verdict on the cookies of an exchange: `held` first (cookies from a
/// first-party visit to the URL's site, `Set-Cookie` syntax), then every `Set-Cookie` of each
/// response. `now` is milliseconds since the epoch.
#[napi(catch_unwind)]
pub fn cookie_report(
    input: BrowserExchange,
    held: Vec<String>,
    now: f64,
) -> Result<Vec<CookieReport>> {
    let exchange = exchange(input)?;
    let now = (now / 1000.0) as i64;
    cookie::judge(&exchange, &held, now)
        .into_iter()
        .map(report)
        .collect()
}

fn report(report: Report) -> Result<CookieReport> {
    let name = report.name().to_string();
    let [chromium, allowed, firefox, webkit] =
        <[Verdict; 4]>::try_from(report.engines).map_err(|_| {
            Error::new(
                Status::GenericFailure,
                "the cookie model answered for other than four engines",
            )
        })?;
    Ok(CookieReport {
        name,
        set_by: report.set_by,
        attributes: report.cookie.ok().map(|c| CookieAttributes {
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            http_only: c.http_only,
            same_site: c.same_site.name().to_string(),
            partitioned: c.partitioned,
            max_age: c.max_age.map(|s| s as f64),
            expires: c.expires.map(|s| s as f64),
        }),
        engines: CookieEngines {
            chromium: verdict(chromium),
            chromium_third_party_allowed: verdict(allowed),
            firefox: verdict(firefox),
            webkit: verdict(webkit),
        },
    })
}

fn verdict(v: Verdict) -> CookieVerdict {
    CookieVerdict {
        stored: v.stored,
        sent: v.sent,
        reason: v.reason,
        fix: v.fix,
    }
}

/// Why no cookie attribute makes a session work in every engine for a page on `page` fetching
/// `url` on another site, and what does; null when same-site.
#[napi(catch_unwind)]
pub fn cookie_cross_site_note(page: String, url: String) -> Option<String> {
    cookie::cross_site_note(&page, &url)
}
