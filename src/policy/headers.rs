//! The static CORS header values a policy sends, computed once from the options.

use crate::policy::defaults;
use crate::policy::error::ConfigError;

/// A header list as `cors` accepts it: a string used verbatim, or an array joined with `,`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderList {
    /// A string, sent as written (spaces after commas included).
    Text(String),
    /// An array, joined with `,` and no spaces.
    Items(Vec<String>),
}

impl HeaderList {
    fn joined(&self) -> String {
        match self {
            HeaderList::Text(text) => text.clone(),
            HeaderList::Items(items) => items.join(","),
        }
    }
}

/// `maxAge` as given: a number, or a string of digits.
#[derive(Debug, Clone, PartialEq)]
pub enum MaxAge {
    /// A number, written as JS `String(n)` writes it.
    Seconds(f64),
    /// A string, sent as written.
    Text(String),
}

/// What `Access-Control-Allow-Headers` carries on a preflight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowHeaders {
    /// No list configured: echo the request's `Access-Control-Request-Headers` (and vary on it).
    Reflect,
    /// A configured list; `None` when it is empty, so no header is sent.
    List(Option<String>),
}

/// Every header value a policy sends, computed once when the policy is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderValues {
    /// Whether to send `Access-Control-Allow-Credentials: true`.
    pub allow_credentials: bool,
    /// `None` when the configured list is empty, so no header is sent.
    pub allow_methods: Option<String>,
    /// `Access-Control-Allow-Headers` on preflights.
    pub allow_headers: AllowHeaders,
    /// `Access-Control-Max-Age` on preflights; `None` when unset.
    pub max_age: Option<String>,
    /// `Access-Control-Expose-Headers`; `None` when unset or empty.
    pub expose_headers: Option<String>,
    /// Preflights go on to the next handler instead of being answered.
    pub preflight_continue: bool,
    /// The status of an answered preflight; cors's default is 204.
    pub options_success_status: u32,
}

/// `Access-Control-Allow-Methods` (cors's default methods when unset); `None` when the
/// configured list is empty.
pub fn allow_methods(methods: Option<&HeaderList>) -> Result<Option<String>, ConfigError> {
    match methods {
        None => Ok(Some(defaults::METHODS.to_string())),
        Some(methods) => non_empty_header_value("methods", methods.joined()),
    }
}

/// `Access-Control-Allow-Headers`: `Reflect` when `allowedHeaders` is unset, else the joined list.
pub fn allow_headers(list: Option<&HeaderList>) -> Result<AllowHeaders, ConfigError> {
    match list {
        None => Ok(AllowHeaders::Reflect),
        Some(list) => Ok(AllowHeaders::List(non_empty_header_value(
            "allowedHeaders",
            list.joined(),
        )?)),
    }
}

/// `Access-Control-Expose-Headers`; `None` when unset or empty.
pub fn expose_headers(list: Option<&HeaderList>) -> Result<Option<String>, ConfigError> {
    match list {
        None => Ok(None),
        Some(list) => non_empty_header_value("exposedHeaders", list.joined()),
    }
}

/// `Access-Control-Max-Age` as `cors` sends it: the number or text as written. `-1`, `1.5` or
/// `abc` reach the browser, which ignores them (the JS layer warns); only a value Node would
/// refuse in a header is an error.
pub fn max_age(value: &MaxAge) -> Result<String, ConfigError> {
    let text = match value {
        MaxAge::Seconds(seconds) => format_number(*seconds),
        MaxAge::Text(text) => text.clone(),
    };
    check_header_value("maxAge", &text)?;
    Ok(text)
}

/// A number as JS `String(n)` writes it, for the values people configure (not exponents).
fn format_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value.is_infinite() {
        if value > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        }
    } else if value == 0.0 {
        "0".into()
    } else {
        format!("{value}")
    }
}

fn non_empty_header_value(option: &str, value: String) -> Result<Option<String>, ConfigError> {
    if value.is_empty() {
        return Ok(None);
    }
    check_header_value(option, &value)?;
    Ok(Some(value))
}

/// Node's `setHeader` throws on these characters; catching them here turns a crash on every
/// request into one error at start-up.
pub fn check_header_value(option: &str, value: &str) -> Result<(), ConfigError> {
    let bad = value
        .chars()
        .find(|&c| !(c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c)));
    match bad {
        None => Ok(()),
        Some(c) => Err(ConfigError::new(format!(
            "{option}: {value:?} contains {:?} (U+{:04X}), which cannot appear in an HTTP header; remove it",
            c, c as u32
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(values: &[&str]) -> HeaderList {
        HeaderList::Items(values.iter().map(|v| v.to_string()).collect())
    }

    #[test]
    fn arrays_join_without_spaces_and_strings_stay_verbatim() {
        assert_eq!(
            allow_methods(Some(&items(&["GET", "PUT"])))
                .unwrap()
                .as_deref(),
            Some("GET,PUT")
        );
        assert_eq!(
            allow_methods(Some(&HeaderList::Text("GET, POST".into())))
                .unwrap()
                .as_deref(),
            Some("GET, POST")
        );
    }

    #[test]
    fn empty_lists_send_no_header() {
        assert_eq!(allow_methods(Some(&items(&[]))).unwrap(), None);
        assert_eq!(
            expose_headers(Some(&HeaderList::Text(String::new()))).unwrap(),
            None
        );
        assert_eq!(
            allow_headers(Some(&items(&[]))).unwrap(),
            AllowHeaders::List(None)
        );
    }

    #[test]
    fn unset_allowed_headers_reflect() {
        assert_eq!(allow_headers(None).unwrap(), AllowHeaders::Reflect);
    }

    #[test]
    fn max_age_is_sent_as_written_like_cors() {
        for (seconds, sent) in [
            (0.0, "0"),
            (-0.0, "0"),
            (600.0, "600"),
            (-1.0, "-1"),
            (1.5, "1.5"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
        ] {
            assert_eq!(max_age(&MaxAge::Seconds(seconds)).unwrap(), sent);
        }
        assert_eq!(max_age(&MaxAge::Text("ten".into())).unwrap(), "ten");
        let err = max_age(&MaxAge::Text("1\r\nX-Evil: 1".into())).unwrap_err();
        assert!(err.message().starts_with("maxAge:"), "{}", err.message());
    }

    #[test]
    fn header_values_node_would_reject_are_errors() {
        let err = allow_methods(Some(&items(&["GET\r\nX-Injected: 1"]))).unwrap_err();
        assert!(err.message().starts_with("methods:"), "{}", err.message());
        assert!(expose_headers(Some(&items(&["X-\u{263a}"]))).is_err());
        assert!(expose_headers(Some(&items(&["X-caf\u{e9}"]))).is_ok());
    }
}
