//! The error for an invalid policy option, raised when the policy is built.

/// An option the policy cannot be built from. The message names the option, the value and
/// the fix; the JS layer throws it as a `TypeError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(String);

impl ConfigError {
    /// An error with this message; it should name the option, the value and the fix.
    pub fn new(message: impl Into<String>) -> Self {
        ConfigError(message.into())
    }

    /// The message, as the JS layer throws it.
    pub fn message(&self) -> &str {
        &self.0
    }
}
