//! The three engines and where each departs from the Fetch standard, plus the standard itself.

/// A browser engine whose CORS behaviour the model knows, or the Fetch standard as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium (Chrome, Edge, Opera).
    Chromium,
    /// Firefox (Gecko).
    Firefox,
    /// WebKit (Safari, every browser on iOS).
    Webkit,
    /// The Fetch standard with no engine's deviations: what strict mode enforces on the
    /// server, so a request it lets through passes in every engine that follows the standard.
    Standard,
}

impl Engine {
    /// The engines a prediction answers for, in the order verdicts are listed.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// The engine's name in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
            Engine::Standard => "standard",
        }
    }

    /// The longest preflight cache, in seconds: Chromium `preflight_result.cc` (2 h),
    /// Firefox `nsCORSListenerProxy.cpp` (24 h), WebKit `CrossOriginPreflightResultCache.cpp`
    /// (`maxPreflightCacheTimeout = 600_s`).
    pub fn max_age_cap(self) -> u32 {
        match self {
            Engine::Chromium => 7_200,
            Engine::Firefox => 86_400,
            Engine::Webkit => 600,
            // The standard leaves the cap to the user agent.
            Engine::Standard => u32::MAX,
        }
    }

    /// How long a preflight answer is cached, given its `Access-Control-Max-Age`.
    /// Absent means 5 s everywhere; unparsable means 5 s in Chromium and WebKit and no
    /// caching in Firefox; negative means no caching.
    pub fn preflight_cache_seconds(self, max_age: Option<&str>) -> u32 {
        const DEFAULT: u32 = 5;
        let Some(text) = max_age else {
            return DEFAULT;
        };
        match text.trim().parse::<i64>() {
            Ok(seconds) if seconds < 0 => 0,
            Ok(seconds) => seconds.min(i64::from(self.max_age_cap())) as u32,
            Err(_) if self == Engine::Firefox => 0,
            Err(_) => DEFAULT,
        }
    }

    /// The standard says `Access-Control-Allow-Headers: *` never covers `Authorization`;
    /// all three engines here still let it through (research/browsers.md: Chromium 156,
    /// Firefox ESR 153, WebKitGTK 2.50).
    pub fn wildcard_covers_authorization(self) -> bool {
        self != Engine::Standard
    }

    /// WebKit judges the preflight's status before its CORS headers; Chromium and Firefox
    /// report a missing Access-Control-Allow-Origin first, whatever the status.
    pub fn checks_preflight_status_first(self) -> bool {
        self == Engine::Webkit
    }

    /// The Origin of the preflight an engine sends to a redirect's target: Firefox sends the
    /// page's origin (its request then carries `null`); Chromium and WebKit send the
    /// request's, which is `null` after a cross-origin redirect.
    pub fn redirect_preflight_sends_page_origin(self) -> bool {
        self == Engine::Firefox
    }

    /// All three drop `Authorization` from a request redirected to another origin, but
    /// WebKit's preflight to the new target still asks for every header the page set.
    pub fn redirect_preflight_asks_original_headers(self) -> bool {
        self == Engine::Webkit
    }

    /// Firefox preflights every redirect target of a preflighted request, even when what is
    /// left of it (Authorization dropped) would need no preflight; Chromium decides anew.
    pub fn redirect_preflight_whenever_first_was(self) -> bool {
        self == Engine::Firefox
    }
}
