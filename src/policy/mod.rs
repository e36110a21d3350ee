//! Options -> a compiled, validated `Policy`: every header value computed once.
pub mod error;
pub mod headers;
pub mod lints;
#[cfg(test)]
mod properties;

use std::sync::Arc;

use crate::origin::list::OriginList;
use crate::origin::rule::OriginRule;
use crate::policy::error::ConfigError;
use crate::preflight;
use headers::{HeaderList, HeaderValues, MaxAge};
use lints::Lint;

/// The options after the JS layer has merged them over cors's defaults and sorted them by shape.
#[derive(Debug)]
pub struct PolicySpec {
    /// `origin`, sorted by shape and with any list already compiled.
    pub origin: OriginRule,
    /// `methods`, sent as Access-Control-Allow-Methods on preflights.
    pub methods: HeaderList,
    /// `allowedHeaders`; `None` reflects the request's Access-Control-Request-Headers.
    pub allowed_headers: Option<HeaderList>,
    /// `exposedHeaders`, sent as Access-Control-Expose-Headers.
    pub exposed_headers: Option<HeaderList>,
    /// `credentials`: send Access-Control-Allow-Credentials: true.
    pub credentials: bool,
    /// `maxAge`, sent as Access-Control-Max-Age on preflights.
    pub max_age: Option<MaxAge>,
    /// `preflightContinue`: pass preflights on to the next handler instead of answering them.
    pub preflight_continue: bool,
    /// `optionsSuccessStatus`: the status of an answered preflight.
    pub options_success_status: u32,
    /// Lints are errors, and preflights are checked on the server.
    pub strict: bool,
    /// Lint codes the user turned off (`warnings: { CODE: false }`): neither warned nor errors.
    pub silenced: Vec<String>,
}

impl PolicySpec {
    /// `cors({ origin })`: the given origin rule and cors's defaults for everything else.
    pub fn with_origin(origin: OriginRule) -> PolicySpec {
        PolicySpec {
            origin,
            methods: HeaderList::Text("GET,HEAD,PUT,PATCH,POST,DELETE".into()),
            allowed_headers: None,
            exposed_headers: None,
            credentials: false,
            max_age: None,
            preflight_continue: false,
            options_success_status: 204,
            strict: false,
            silenced: Vec::new(),
        }
    }
}

/// A compiled CORS policy: the origin rule, the header values, and the mistakes found.
#[derive(Debug)]
pub struct Policy {
    /// Which Access-Control-Allow-Origin a request gets.
    pub origin: OriginRule,
    /// The other header values, computed once.
    pub headers: HeaderValues,
    /// Built with `strict: true`: lints were errors, and preflights are checked on the server.
    pub strict: bool,
    /// The mistakes found in the options (none when strict: they are errors then).
    pub lints: Vec<Lint>,
}

impl Policy {
    /// Validates the options, computes every header value and finds the lints. An invalid
    /// value is an error, and so is any lint in strict mode, so a bad policy fails at start-up
    /// rather than on a request.
    ///
    // With the `node` feature the rlib holds napi-rs's export registration, which refers to
    // Node-API functions that only a running Node provides, so a doctest binary cannot link:
    // the example is then only compiled. `cargo test --no-default-features --doc` runs it.
    #[cfg_attr(feature = "node", doc = "```no_run")]
    #[cfg_attr(not(feature = "node"), doc = "```")]
    /// use cors_native::origin::rule::OriginRule;
    /// use cors_native::policy::{Policy, PolicySpec};
    ///
    /// // `cors({ origin: '*' })`: everything else takes cors's defaults.
    /// let policy = Policy::build(PolicySpec::with_origin(OriginRule::Any)).unwrap();
    /// assert_eq!(
    ///     policy.headers.allow_methods.as_deref(),
    ///     Some("GET,HEAD,PUT,PATCH,POST,DELETE")
    /// );
    /// ```
    pub fn build(spec: PolicySpec) -> Result<Policy, ConfigError> {
        if let OriginRule::Fixed(origin) = &spec.origin {
            headers::check_header_value("origin", origin)?;
        }
        let mut lints = lints::lints(&spec.origin, spec.credentials, spec.max_age.as_ref());
        lints.retain(|lint| !spec.silenced.iter().any(|code| code == lint.code));
        if spec.strict && !lints.is_empty() {
            let listed: Vec<String> = lints
                .iter()
                .map(|lint| format!("{}: {}", lint.code, lint.message))
                .collect();
            return Err(ConfigError::new(format!(
                "strict: the options have mistakes: {}",
                listed.join("; ")
            )));
        }
        let headers = HeaderValues {
            allow_credentials: spec.credentials,
            allow_methods: headers::allow_methods(&spec.methods)?,
            allow_headers: headers::allow_headers(spec.allowed_headers.as_ref())?,
            max_age: spec.max_age.as_ref().map(headers::max_age).transpose()?,
            expose_headers: headers::expose_headers(spec.exposed_headers.as_ref())?,
            preflight_continue: spec.preflight_continue,
            options_success_status: success_status(spec.options_success_status)?,
        };
        Ok(Policy {
            origin: spec.origin,
            headers,
            strict: spec.strict,
            lints,
        })
    }

    /// The configured origin list, when the origin rule is one.
    pub fn origin_list(&self) -> Option<&Arc<OriginList>> {
        match &self.origin {
            OriginRule::List(list) => Some(list),
            _ => None,
        }
    }

    /// Strict mode: what a preflight asks for that the policy does not allow, if anything.
    pub fn preflight_refusal(&self, method: &str, request_headers: &str) -> Option<String> {
        preflight::refusal(
            self.headers.allow_methods.as_deref(),
            &self.headers.allow_headers,
            self.headers.allow_credentials,
            method,
            request_headers,
        )
    }
}

/// Node refuses to send a status outside 100-999 (cors then throws in every preflight). A
/// status that is not 2xx fails the preflight in browsers; the JS layer warns about it.
fn success_status(status: u32) -> Result<u32, ConfigError> {
    if (100..=999).contains(&status) {
        Ok(status)
    } else {
        Err(ConfigError::new(format!(
            "optionsSuccessStatus: {status} is not an HTTP status Node can send; use 204 (the default) or 200"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::headers::AllowHeaders;

    fn list(exact: &[&str]) -> OriginRule {
        let exact = exact.iter().map(|origin| origin.to_string()).collect();
        OriginRule::List(Arc::new(OriginList::new(exact, &[], false).unwrap()))
    }

    #[test]
    fn defaults_match_cors() {
        let policy = Policy::build(PolicySpec::with_origin(OriginRule::Any)).unwrap();
        assert_eq!(
            policy.headers.allow_methods.as_deref(),
            Some("GET,HEAD,PUT,PATCH,POST,DELETE")
        );
        assert_eq!(policy.headers.allow_headers, AllowHeaders::Reflect);
        assert!(!policy.origin.varies_on_origin());
        assert!(policy.origin_list().is_none());
    }

    #[test]
    fn a_list_is_handed_out_for_matching_and_always_varies() {
        let policy = Policy::build(PolicySpec::with_origin(list(&["https://a.example"]))).unwrap();
        let origins = policy.origin_list().unwrap();
        assert!(origins.allows("https://a.example"));
        assert!(!origins.allows("https://b.example"));
        assert!(policy.origin.varies_on_origin());
    }

    #[test]
    fn fixed_origin_and_reflect_vary() {
        let fixed = OriginRule::Fixed("https://a.example".into());
        assert!(Policy::build(PolicySpec::with_origin(fixed))
            .unwrap()
            .origin
            .varies_on_origin());
        assert!(OriginRule::Reflect.varies_on_origin());
    }

    #[test]
    fn success_status_is_any_status_node_can_send() {
        let mut spec = PolicySpec::with_origin(OriginRule::Any);
        spec.options_success_status = 404;
        assert_eq!(
            Policy::build(spec).unwrap().headers.options_success_status,
            404
        );
        let mut bad = PolicySpec::with_origin(OriginRule::Any);
        bad.options_success_status = 1000;
        let err = Policy::build(bad).unwrap_err();
        assert!(
            err.message().starts_with("optionsSuccessStatus: 1000"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn silenced_codes_are_neither_lints_nor_strict_errors() {
        let mut spec = PolicySpec::with_origin(list(&["https://a.example", "null"]));
        spec.strict = true;
        spec.silenced = vec!["CORS_NATIVE_NULL_ORIGIN".into()];
        assert!(Policy::build(spec).unwrap().lints.is_empty());
    }

    #[test]
    fn fixed_origin_with_a_newline_is_rejected() {
        let fixed = OriginRule::Fixed("https://a.example\n".into());
        let err = Policy::build(PolicySpec::with_origin(fixed)).unwrap_err();
        assert!(err.message().starts_with("origin:"), "{}", err.message());
    }
}
