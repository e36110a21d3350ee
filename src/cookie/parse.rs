//! One `Set-Cookie` header read as RFC 6265bis §5.6 reads it, which is what Chromium, Firefox
//! and WebKit share: a name-value pair, then attributes matched without regard to case, the
//! last of each kind winning.
use super::date;

/// The most bytes a cookie's name and value may have together; longer ones are ignored.
pub const MAX_NAME_VALUE_BYTES: usize = 4096;
/// An attribute whose value is longer than this is ignored (the cookie is kept).
const MAX_ATTRIBUTE_VALUE_BYTES: usize = 1024;

/// The `SameSite` attribute as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SameSite {
    /// Not written.
    Unspecified,
    /// Written with another value; every engine treats it as not written.
    Invalid,
    /// `SameSite=None`.
    None,
    /// `SameSite=Lax`.
    Lax,
    /// `SameSite=Strict`.
    Strict,
}

impl SameSite {
    /// The name in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            SameSite::Unspecified => "unspecified",
            SameSite::Invalid => "invalid",
            SameSite::None => "None",
            SameSite::Lax => "Lax",
            SameSite::Strict => "Strict",
        }
    }
}

/// A cookie as one `Set-Cookie` header states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetCookie {
    /// The name (may be empty: `Set-Cookie: token` is a nameless cookie).
    pub name: String,
    /// The value.
    pub value: String,
    /// `Domain`, lower case, its leading dot removed.
    pub domain: Option<String>,
    /// `Path`, when it starts with `/` (otherwise the default path applies).
    pub path: Option<String>,
    /// `Secure`.
    pub secure: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `SameSite`.
    pub same_site: SameSite,
    /// `Partitioned` (CHIPS).
    pub partitioned: bool,
    /// `Max-Age` in seconds, which wins over `Expires`.
    pub max_age: Option<i64>,
    /// `Expires` in seconds since the epoch.
    pub expires: Option<i64>,
}

/// Why a header states no cookie at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// A control character other than tab.
    ControlCharacter,
    /// Name and value together over [`MAX_NAME_VALUE_BYTES`].
    TooBig,
    /// Empty name and empty value.
    Empty,
}

impl SetCookie {
    /// Whether the cookie is already expired at `now` (seconds since the epoch): a server's
    /// way of deleting it.
    pub fn expired(&self, now: i64) -> bool {
        match (self.max_age, self.expires) {
            (Some(seconds), _) => seconds <= 0,
            (None, Some(at)) => at <= now,
            (None, None) => false,
        }
    }
}

fn trim(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}

/// The name a `Set-Cookie` value states, read even when the cookie is refused (engines name
/// it in their messages).
pub fn name_of(header: &str) -> &str {
    let pair = header.split(';').next().unwrap_or_default();
    pair.split_once('=').map_or("", |(name, _)| trim(name))
}

/// Reads one `Set-Cookie` value.
pub fn parse(header: &str) -> Result<SetCookie, Unreadable> {
    if header
        .chars()
        .any(|c| c != '\t' && (c < ' ' || c == '\x7f'))
    {
        return Err(Unreadable::ControlCharacter);
    }
    let mut parts = header.split(';');
    let pair = parts.next().unwrap_or_default();
    let (name, value) = match pair.split_once('=') {
        Some((name, value)) => (trim(name), trim(value)),
        None => ("", trim(pair)),
    };
    if name.len() + value.len() > MAX_NAME_VALUE_BYTES {
        return Err(Unreadable::TooBig);
    }
    if name.is_empty() && value.is_empty() {
        return Err(Unreadable::Empty);
    }
    let mut cookie = SetCookie {
        name: name.to_string(),
        value: value.to_string(),
        domain: None,
        path: None,
        secure: false,
        http_only: false,
        same_site: SameSite::Unspecified,
        partitioned: false,
        max_age: None,
        expires: None,
    };
    for attribute in parts {
        let (key, value) = match attribute.split_once('=') {
            Some((key, value)) => (trim(key), trim(value)),
            None => (trim(attribute), ""),
        };
        if value.len() > MAX_ATTRIBUTE_VALUE_BYTES {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "expires" => {
                if let Some(at) = date::parse(value) {
                    cookie.expires = Some(at);
                }
            }
            "max-age" => {
                let digits = value.strip_prefix('-').unwrap_or(value);
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                    // A huge number is still a long time; a negative one is "now".
                    let seconds = value.parse::<i64>().unwrap_or(if value.starts_with('-') {
                        i64::MIN
                    } else {
                        i64::MAX
                    });
                    cookie.max_age = Some(seconds);
                }
            }
            "domain" if !value.is_empty() => {
                cookie.domain = Some(
                    value
                        .strip_prefix('.')
                        .unwrap_or(value)
                        .to_ascii_lowercase(),
                );
            }
            "path" => cookie.path = value.starts_with('/').then(|| value.to_string()),
            "secure" => cookie.secure = true,
            "httponly" => cookie.http_only = true,
            "partitioned" => cookie.partitioned = true,
            "samesite" => {
                cookie.same_site = match value.to_ascii_lowercase().as_str() {
                    "none" => SameSite::None,
                    "lax" => SameSite::Lax,
                    "strict" => SameSite::Strict,
                    _ => SameSite::Invalid,
                }
            }
            _ => {}
        }
    }
    Ok(cookie)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_without_regard_to_case_and_the_last_wins() {
        let cookie = parse("sid = abc ; domain=.Example.COM; PATH=/api; secure; HttpOnly; samesite=none; SameSite=Lax; partitioned; Max-Age=60").unwrap();
        assert_eq!(
            (cookie.name.as_str(), cookie.value.as_str()),
            ("sid", "abc")
        );
        assert_eq!(cookie.domain.as_deref(), Some("example.com"));
        assert_eq!(cookie.path.as_deref(), Some("/api"));
        assert!(cookie.secure && cookie.http_only && cookie.partitioned);
        assert_eq!(cookie.same_site, SameSite::Lax);
        assert_eq!(cookie.max_age, Some(60));
    }

    #[test]
    fn odd_attribute_values() {
        let cookie = parse("a=b; SameSite=sometimes; Path=api; Domain=; Max-Age=soon").unwrap();
        assert_eq!(cookie.same_site, SameSite::Invalid);
        assert_eq!(
            (cookie.path, cookie.domain, cookie.max_age),
            (None, None, None)
        );
        assert_eq!(parse("token").unwrap().name, "");
        assert_eq!(parse("token").unwrap().value, "token");
        assert_eq!(
            parse("a=b; Domain=x.example; Domain=")
                .unwrap()
                .domain
                .as_deref(),
            Some("x.example")
        );
    }

    #[test]
    fn deletion_by_max_age_or_a_past_date() {
        let now = 1_700_000_000;
        assert!(parse("a=; Max-Age=0").unwrap().expired(now));
        assert!(parse("a=; Max-Age=-1").unwrap().expired(now));
        assert!(parse("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT")
            .unwrap()
            .expired(now));
        // Max-Age wins over Expires.
        assert!(
            !parse("a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60")
                .unwrap()
                .expired(now)
        );
        assert!(!parse("a=b; Max-Age=99999999999999999999999")
            .unwrap()
            .expired(now));
        assert!(!parse("a=b").unwrap().expired(now));
    }

    #[test]
    fn the_size_limits() {
        let name = "n".repeat(2048);
        assert!(parse(&format!("{name}={}", "v".repeat(2048))).is_ok());
        assert_eq!(
            parse(&format!("{name}={}", "v".repeat(2049))),
            Err(Unreadable::TooBig)
        );
        // A too-long attribute value is dropped, the cookie kept.
        let cookie = parse(&format!("a=b; Path=/{}", "p".repeat(1024))).unwrap();
        assert_eq!(cookie.path, None);
        assert!(parse(&format!("a=b; Path=/{}", "p".repeat(1023)))
            .unwrap()
            .path
            .is_some());
    }

    #[test]
    fn unreadable_headers() {
        assert_eq!(parse("a=b\x01c"), Err(Unreadable::ControlCharacter));
        assert_eq!(parse("=; Secure"), Err(Unreadable::Empty));
        assert_eq!(parse(""), Err(Unreadable::Empty));
        assert!(parse("a=b\tc").is_ok());
    }
}
