//! `optionsSuccessStatus`, the status of an answered preflight: the one place its two ranges
//! are checked, what Node can send (100-999) and what browsers accept (2xx).

use crate::policy::codes::Code;
use crate::policy::defaults;
use crate::policy::error::ConfigError;
use crate::policy::lints::Lint;

/// `optionsSuccessStatus` as given.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusOption {
    /// `value | 0`: cors assigns the value to `res.statusCode`, and Node sends that.
    pub status: i32,
    /// The value when it is a number; `None` for any other type (`'204'`).
    pub number: Option<f64>,
    /// The value as messages show it.
    pub shown: String,
}

/// The status an answered preflight gets (cors's default when unset). Node refuses to send a
/// status outside 100-999, so cors throws in every preflight: an error here, unless preflights
/// go on to the next handler, when cors never sends it.
pub fn sent(option: Option<&StatusOption>, preflight_continue: bool) -> Result<u32, ConfigError> {
    let Some(option) = option else {
        return Ok(defaults::OPTIONS_SUCCESS_STATUS);
    };
    match u32::try_from(option.status) {
        Ok(status) if (100..=999).contains(&status) => Ok(status),
        _ if preflight_continue => Ok(defaults::OPTIONS_SUCCESS_STATUS),
        _ => Err(ConfigError::new(format!(
            "optionsSuccessStatus: {} is not an HTTP status Node can send (cors fails every preflight with it); use 204 (the default) or 200",
            option.shown
        ))),
    }
}

/// A status that is not a 2xx number, which browsers fail a preflight with.
pub fn lint(option: &StatusOption) -> Option<Lint> {
    let message = match option.number {
        None => format!(
            "optionsSuccessStatus: {} is not a number; write {}",
            option.shown, option.status
        ),
        Some(number) if number.fract() == 0.0 && (200.0..=299.0).contains(&number) => return None,
        Some(_) => format!(
            "optionsSuccessStatus: {} is not a 2xx status, and browsers fail a preflight answered with anything else; use 204 (the default) or 200",
            option.shown
        ),
    };
    Some(Lint::new(Code::PreflightStatus, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(value: f64) -> StatusOption {
        StatusOption {
            status: value as i32,
            number: Some(value),
            shown: value.to_string(),
        }
    }

    #[test]
    fn any_status_node_can_send_is_sent_and_only_2xx_numbers_are_clean() {
        assert_eq!(sent(None, false), Ok(204));
        assert_eq!(sent(Some(&number(404.0)), false), Ok(404));
        assert!(lint(&number(404.0)).is_some());
        assert!(lint(&number(200.0)).is_none());
        assert!(lint(&number(204.5)).is_some());
        let text = StatusOption {
            status: 204,
            number: None,
            shown: "'204'".into(),
        };
        assert_eq!(
            lint(&text).unwrap().message,
            "optionsSuccessStatus: '204' is not a number; write 204"
        );
    }

    #[test]
    fn a_status_node_cannot_send_is_an_error_unless_preflights_go_on() {
        let err = sent(Some(&number(1000.0)), false).unwrap_err();
        assert!(
            err.message()
                .starts_with("optionsSuccessStatus: 1000 is not"),
            "{}",
            err.message()
        );
        assert!(sent(Some(&number(-1.0)), false).is_err());
        assert_eq!(sent(Some(&number(99.0)), true), Ok(204));
    }
}
