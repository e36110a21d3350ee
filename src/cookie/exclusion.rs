//! Why an engine does not store or send a cookie, in its own words (Chromium's DevTools
//! blocking reason, Firefox's console line, what WebKit does: it prints nothing), and the fix.
//! Firefox's lines are `netwerk/locales/.../necko.properties`' texts, as Firefox ESR 153
//! printed them.
use super::parse::{SameSite, Unreadable, MAX_NAME_VALUE_BYTES};
use super::profile::Profile;
use crate::browser::Credentials;

/// Storing a cookie from a response, or sending one on a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The response's `Set-Cookie`.
    Store,
    /// The request's `Cookie`.
    Send,
}

/// Why a cookie is not stored or not sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// The fetch's credentials mode keeps cookies off this request and its response.
    CredentialsMode(Credentials),
    /// The header states no cookie.
    Unreadable(Unreadable),
    /// `Secure` from, or to, a URL that is not secure.
    NotSecure,
    /// `__Secure-` without `Secure`, or `__Host-` without `Secure`, with `Domain` or a `Path`
    /// other than `/`.
    InvalidPrefix,
    /// `Domain` is another site, a public suffix, or does not cover the host.
    InvalidDomain,
    /// `SameSite=None` without `Secure`.
    SameSiteNoneInsecure,
    /// `Partitioned` without `Secure`.
    PartitionedInsecure,
    /// `Max-Age=0` or an `Expires` in the past: the server deletes the cookie.
    Expired,
    /// A cross-site request and a `SameSite` that forbids it; `downgraded` when only the
    /// scheme makes it cross-site.
    CrossSite {
        /// The cookie's `SameSite`.
        same_site: SameSite,
        /// Same-site but for the scheme (Chromium's schemeful same-site).
        downgraded: bool,
    },
    /// The engine's third-party cookie rule.
    ThirdParty,
    /// A partitioned cookie, kept for another top-level site.
    OtherPartition,
    /// The cookie's domain does not cover the URL's host.
    DomainMismatch,
    /// The cookie's path does not cover the URL's path.
    NotOnPath,
}

/// Every fix for a cross-site API whose cookie session cannot work in all engines.
pub const CROSS_SITE_FIX: &str = "serve the API on the page's own site (e.g. api.example.com for app.example.com), or proxy it through the page's origin (a Next.js rewrite, a dev-server proxy), or authenticate with a token in the Authorization header instead of a cookie";

impl Exclusion {
    /// What `profile` reports for cookie `name`.
    pub fn reason(self, profile: Profile, action: Action, name: &str) -> String {
        if profile.is_chromium() {
            if let Some(code) = self.chromium_code(action) {
                return code;
            }
        }
        if profile == Profile::Firefox && action == Action::Store {
            if let Some(line) = self.firefox_line(name) {
                return line;
            }
        }
        self.described(profile, action)
    }

    /// The blocking reason DevTools shows (CDP `SetCookieBlockedReason`, `CookieBlockedReason`).
    fn chromium_code(self, action: Action) -> Option<String> {
        let code = match self {
            Exclusion::Unreadable(Unreadable::ControlCharacter) => "DisallowedCharacter",
            Exclusion::Unreadable(Unreadable::TooBig) => "NameValuePairExceedsMaxSize",
            Exclusion::Unreadable(Unreadable::Empty) => "NoCookieContent",
            Exclusion::NotSecure => "SecureOnly",
            Exclusion::InvalidPrefix => "InvalidPrefix",
            Exclusion::InvalidDomain => "InvalidDomain",
            Exclusion::SameSiteNoneInsecure => "SameSiteNoneInsecure",
            Exclusion::ThirdParty => "UserPreferences",
            Exclusion::DomainMismatch if action == Action::Send => "DomainMismatch",
            Exclusion::NotOnPath if action == Action::Send => "NotOnPath",
            Exclusion::CrossSite {
                same_site,
                downgraded,
            } => {
                let kind = match same_site {
                    SameSite::Strict => "Strict",
                    SameSite::Lax => "Lax",
                    _ => "UnspecifiedTreatedAsLax",
                };
                let prefix = if downgraded {
                    "SchemefulSameSite"
                } else {
                    "SameSite"
                };
                return Some(format!("{prefix}{kind}"));
            }
            _ => return None,
        };
        Some(code.to_string())
    }

    /// Firefox's console line (level error) when it refuses to store; it prints nothing when it
    /// partitions a cookie or withholds one.
    fn firefox_line(self, name: &str) -> Option<String> {
        let rest = match self {
            Exclusion::Unreadable(Unreadable::TooBig) => {
                format!("is invalid because its size is too big. Max size is {MAX_NAME_VALUE_BYTES} B.")
            }
            Exclusion::NotSecure => "has been rejected because a non-HTTPS cookie can’t be set as “secure”.".into(),
            Exclusion::InvalidPrefix => "has been rejected for invalid prefix.".into(),
            Exclusion::InvalidDomain => "has been rejected for invalid domain.".into(),
            Exclusion::SameSiteNoneInsecure => {
                return Some(format!("Cookie “{name}” rejected because it has the “SameSite=None” attribute but is missing the “secure” attribute."));
            }
            // Firefox has a line for an expired cookie, but ESR 153 printed nothing for a
            // Max-Age=0 or past Expires cookie it did not hold (observed).
            Exclusion::CrossSite { .. } => "has been rejected because it is in a cross-site context and its “SameSite” is “Lax” or “Strict”.".into(),
            _ => return None,
        };
        Some(format!("Cookie “{name}” {rest}"))
    }

    fn described(self, profile: Profile, action: Action) -> String {
        let silent = match profile {
            Profile::Webkit => " (WebKit prints nothing)",
            Profile::Firefox => " (Firefox prints nothing)",
            _ => " (Chromium prints nothing; DevTools shows no reason)",
        };
        let what = match (self, action) {
            (Exclusion::CredentialsMode(mode), _) => format!("the fetch's credentials mode is '{}', so the browser neither sends cookies with this request nor stores the ones its response sets", mode.name()),
            (Exclusion::Unreadable(Unreadable::ControlCharacter), _) => "the header has a control character, so it states no cookie".into(),
            (Exclusion::Unreadable(Unreadable::TooBig), _) => format!("name and value are over {MAX_NAME_VALUE_BYTES} bytes together, so the cookie is ignored"),
            (Exclusion::Unreadable(Unreadable::Empty), _) => "the cookie has neither name nor value, so it is ignored".into(),
            (Exclusion::NotSecure, Action::Store) if profile == Profile::Webkit => "a Secure cookie from a URL that is not https is refused, http://localhost included".into(),
            (Exclusion::NotSecure, Action::Store) => "a Secure cookie from a URL that is not secure is refused".into(),
            (Exclusion::NotSecure, Action::Send) => "a Secure cookie is not sent to a URL that is not secure".into(),
            (Exclusion::InvalidPrefix, _) => "the cookie breaks its name's __Secure- or __Host- prefix rules".into(),
            (Exclusion::InvalidDomain, _) => "its Domain is another site, a public suffix or does not cover the host".into(),
            (Exclusion::SameSiteNoneInsecure, _) => "SameSite=None without Secure is refused".into(),
            (Exclusion::PartitionedInsecure, _) => "a Partitioned cookie without Secure is refused".into(),
            (Exclusion::Expired, _) => "Max-Age=0 or a past Expires: the server deletes the cookie".into(),
            (Exclusion::CrossSite { .. }, Action::Store) => "a Lax or Strict cookie from a cross-site response is refused".into(),
            (Exclusion::CrossSite { .. }, Action::Send) => "a Lax or Strict cookie is not sent on a cross-site fetch".into(),
            (Exclusion::ThirdParty, Action::Store) if profile == Profile::Webkit => "cross-site responses set no cookies, whatever their attributes (its third-party policy; Partitioned is not supported)".into(),
            (Exclusion::ThirdParty, Action::Store) => "third-party cookies are blocked".into(),
            (Exclusion::ThirdParty, Action::Send) if profile == Profile::Firefox => "Total Cookie Protection: the cookie the API's own site set is not visible to a fetch from another top-level site".into(),
            (Exclusion::ThirdParty, Action::Send) => "third-party cookies are blocked".into(),
            (Exclusion::OtherPartition, _) => "the cookie is partitioned under another top-level site, so a page of this site does not get it".into(),
            (Exclusion::DomainMismatch, _) => "the cookie's domain does not cover this URL's host".into(),
            (Exclusion::NotOnPath, _) => "the cookie's Path does not cover this URL's path".into(),
        };
        format!("{what}{silent}")
    }

    /// How to make the cookie work.
    pub fn fix(self, profile: Profile) -> String {
        match self {
            Exclusion::CredentialsMode(_) => "fetch(url, { credentials: 'include' }) (axios: withCredentials: true), with Access-Control-Allow-Credentials: true and the page's exact origin in the answer".into(),
            Exclusion::Unreadable(Unreadable::TooBig) => format!("keep name and value under {MAX_NAME_VALUE_BYTES} bytes: store a session id in the cookie and the data on the server"),
            Exclusion::Unreadable(Unreadable::ControlCharacter) => "encode the value (encodeURIComponent, base64url)".into(),
            Exclusion::Unreadable(Unreadable::Empty) => "give the cookie a name and a value".into(),
            Exclusion::NotSecure if profile == Profile::Webkit => "serve the API over https (WebKit refuses Secure cookies on http://localhost too)".into(),
            Exclusion::NotSecure => "serve the API over https, or drop Secure for plain-http development only (http://localhost counts as secure in Chromium and Firefox)".into(),
            Exclusion::InvalidPrefix => "a __Host- cookie needs Secure, Path=/ and no Domain; a __Secure- cookie needs Secure".into(),
            Exclusion::InvalidDomain => "drop Domain (a host-only cookie), or set it to a parent of the API's host on the same site, never a public suffix".into(),
            Exclusion::SameSiteNoneInsecure => "add Secure (SameSite=None requires it) and serve over https".into(),
            Exclusion::PartitionedInsecure => "add Secure (Partitioned requires it)".into(),
            Exclusion::Expired => "this response deletes the cookie; if it should not, give it a Max-Age in the future".into(),
            Exclusion::CrossSite { downgraded: true, .. } => "serve the page over https too: an http page and an https API are cross-site in Chromium".into(),
            Exclusion::CrossSite { .. } => format!("a cross-site fetch never stores or sends a Lax or Strict cookie, and SameSite=None; Secure works only where third-party cookies are allowed: {CROSS_SITE_FIX}"),
            Exclusion::ThirdParty if profile.is_chromium() => format!("{CROSS_SITE_FIX}; a cookie only this page's site needs can be Partitioned; Secure; SameSite=None (CHIPS), which WebKit does not store"),
            Exclusion::ThirdParty | Exclusion::OtherPartition => CROSS_SITE_FIX.into(),
            Exclusion::DomainMismatch | Exclusion::NotOnPath => "set Domain and Path so that they cover this URL".into(),
        }
    }
}
