//! The four cookie configurations the model answers for, and where each departs from
//! RFC 6265bis. Observed with Chromium 156 (Debian), Firefox ESR 153 and WebKitGTK 2.50.6
//! (libsoup 3.2.3) on https names mapped to loopback (research: cookies-lna.md).
use super::parse::SameSite;
use super::site::Rules;

/// A browser with its cookie settings as users get them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Chromium as shipped: `profile.cookie_controls_mode` is 1 ("block third-party cookies")
    /// by default in a fresh profile of Chromium 156, headless and headed, so an unpartitioned
    /// cookie never works cross-site (DevTools reason `UserPreferences`).
    Chromium,
    /// Chromium with third-party cookies allowed in its settings (the mode seeded to 0).
    ChromiumThirdPartyAllowed,
    /// Firefox with Total Cookie Protection (`network.cookie.cookieBehavior` 5, the default).
    Firefox,
    /// WebKit with its default "no third-party cookies" policy and ITP off (WebKitGTK).
    Webkit,
}

/// What an engine does with a cookie in a cross-site context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThirdParty {
    /// Stores and sends only `Partitioned` cookies, keyed by the page's site.
    PartitionedOnly,
    /// Stores and sends every cookie its SameSite allows.
    Allowed,
    /// Stores every cookie in the page's site's partition (Total Cookie Protection) and never
    /// sends the API's first-party cookies there.
    AlwaysPartitioned,
    /// Stores none, but sends the first-party cookies it already holds.
    SetBlocked,
}

impl Profile {
    /// In the order reports list them.
    pub const ALL: [Profile; 4] = [
        Profile::Chromium,
        Profile::ChromiumThirdPartyAllowed,
        Profile::Firefox,
        Profile::Webkit,
    ];

    /// Whether the engine's console and DevTools reasons are Chromium's.
    pub fn is_chromium(self) -> bool {
        matches!(self, Profile::Chromium | Profile::ChromiumThirdPartyAllowed)
    }

    /// How the engine draws sites for `Domain`, third-party blocking and partitions.
    /// Schemeful same-site: only Chromium counts the scheme, so an http page and an https API
    /// of one domain are cross-site there and same-site in Firefox and WebKit (observed).
    pub fn site_rules(self) -> Rules {
        Rules {
            schemeful: self.is_chromium(),
            implicit_suffix: true,
        }
    }

    /// How the engine draws sites for the `SameSite` attribute: as for the rest, except that
    /// WebKit (libsoup) held back a Lax cookie from `api.other.test` to a page on
    /// `app.other.test` while it stored and sent one without SameSite there (observed): for
    /// SameSite, each host under an unlisted top-level name is its own site.
    pub fn same_site_rules(self) -> Rules {
        Rules {
            implicit_suffix: self != Profile::Webkit,
            ..self.site_rules()
        }
    }

    /// A cookie without `SameSite` is Lax in Chromium only; Firefox 153 and WebKitGTK treat it
    /// as `None` (observed: sent cross-site).
    pub fn lax_by_default(self) -> bool {
        self.is_chromium()
    }

    /// `SameSite=None` requires `Secure` in Chromium and Firefox; libsoup stores it anyway
    /// (observed), though the RFC says to refuse it.
    pub fn none_requires_secure(self) -> bool {
        self != Profile::Webkit
    }

    /// `__Secure-` and `__Host-` are enforced by Chromium and Firefox; libsoup 3.2.3 stored and
    /// sent `__Host-` with `Domain` and `__Secure-` without `Secure` (observed).
    pub fn enforces_prefixes(self) -> bool {
        self != Profile::Webkit
    }

    /// Whether a `Secure` cookie may be set from, and is sent to, `http://localhost` and
    /// `http://127.0.0.1`: Chromium and Firefox count loopback as secure; libsoup refused
    /// them there (observed), it looks only at the scheme.
    pub fn loopback_is_secure(self) -> bool {
        self != Profile::Webkit
    }

    /// Whether a cookie with this `SameSite` is kept off cross-site requests and responses.
    pub fn withholds_cross_site(self, same_site: SameSite) -> bool {
        match same_site {
            SameSite::Strict | SameSite::Lax => true,
            SameSite::Unspecified | SameSite::Invalid => self.lax_by_default(),
            SameSite::None => false,
        }
    }

    /// The engine's rule in a cross-site context.
    pub fn third_party(self) -> ThirdParty {
        match self {
            Profile::Chromium => ThirdParty::PartitionedOnly,
            Profile::ChromiumThirdPartyAllowed => ThirdParty::Allowed,
            Profile::Firefox => ThirdParty::AlwaysPartitioned,
            // Its "no third party" policy stops only setting: first-party cookies, even
            // Partitioned ones and ones without SameSite, went out on cross-site fetches.
            Profile::Webkit => ThirdParty::SetBlocked,
        }
    }
}
