//! Options -> a compiled, validated `Policy`: every header value computed once.
pub mod error;
pub mod headers;
pub mod lints;
#[cfg(test)]
mod properties;

use std::sync::Arc;

use crate::browser::{self, Engine, Failure, PreflightRequest};
use crate::origin::list::OriginList;
use crate::origin::rule::OriginRule;
use crate::policy::error::ConfigError;
use headers::{AllowHeaders, HeaderList, HeaderValues, MaxAge};
use lints::Lint;

/// The options after the JS layer has merged them over cors's defaults and sorted them by shape.
#[derive(Debug)]
pub struct PolicySpec {
    pub origin: OriginRule,
    pub methods: HeaderList,
    pub allowed_headers: Option<HeaderList>,
    pub exposed_headers: Option<HeaderList>,
    pub credentials: bool,
    pub max_age: Option<MaxAge>,
    pub preflight_continue: bool,
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
    pub origin: OriginRule,
    pub headers: HeaderValues,
    pub strict: bool,
    /// The mistakes found in the options (none when strict: they are errors then).
    pub lints: Vec<Lint>,
}

impl Policy {
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
    /// The policy's own answer is judged by the browser model's preflight checks under the
    /// Fetch standard ([`Engine::Standard`]), so strict mode refuses exactly what they refuse.
    pub fn preflight_refusal(&self, method: &str, request_headers: &str) -> Option<String> {
        let asked = PreflightRequest::received(method, request_headers);
        let allow_headers = match &self.headers.allow_headers {
            AllowHeaders::Reflect => Some(request_headers),
            AllowHeaders::List(list) => list.as_deref(),
        };
        let failure = browser::preflight_allows(
            Engine::Standard,
            self.headers.allow_methods.as_deref(),
            allow_headers,
            &asked,
            self.headers.allow_credentials,
        )
        .err()?;
        Some(match failure {
            Failure::MethodNotAllowed(method) => format!("method {method} is not allowed"),
            Failure::HeaderNotAllowed(name) => format!("header {name} is not allowed"),
            Failure::InvalidAllowMethods(item) => {
                format!("the allowed methods hold '{item}', which is not a method name")
            }
            Failure::InvalidAllowHeaders(item) => {
                format!("'{item}' is not a header name")
            }
            other => format!("the preflight fails: {}", other.code()),
        })
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

    fn list(exact: &[&str]) -> OriginRule {
        let exact = exact.iter().map(|origin| origin.to_string()).collect();
        OriginRule::List(Arc::new(OriginList::new(exact, &[], false).unwrap()))
    }

    fn refusal(
        methods: &str,
        headers: Option<&str>,
        credentials: bool,
        method: &str,
        requested: &str,
    ) -> Option<String> {
        let spec = PolicySpec {
            methods: HeaderList::Text(methods.into()),
            allowed_headers: headers.map(|list| HeaderList::Text(list.into())),
            credentials,
            ..PolicySpec::with_origin(OriginRule::Reflect)
        };
        Policy::build(spec)
            .unwrap()
            .preflight_refusal(method, requested)
    }

    #[test]
    fn strict_refuses_unlisted_methods_unless_safelisted() {
        assert_eq!(refusal("GET,PUT", None, false, "PUT", ""), None);
        assert_eq!(refusal("GET,PUT", None, false, "POST", ""), None);
        assert_eq!(
            refusal("GET,PUT", None, false, "PATCH", "").as_deref(),
            Some("method PATCH is not allowed")
        );
        assert_eq!(refusal("*", None, false, "PATCH", ""), None);
        assert!(refusal("*", None, true, "PATCH", "").is_some());
    }

    #[test]
    fn strict_compares_headers_case_insensitively_and_star_never_covers_authorization() {
        let check = |allowed, credentials, requested| {
            refusal("GET", Some(allowed), credentials, "GET", requested)
        };
        assert_eq!(
            check("Content-Type, X-Api-Key", false, "content-type,x-api-key"),
            None
        );
        assert_eq!(
            check("Content-Type", false, "x-secret").as_deref(),
            Some("header x-secret is not allowed")
        );
        assert_eq!(check("*", false, "x-anything"), None);
        assert_eq!(
            check("*", false, "Authorization").as_deref(),
            Some("header authorization is not allowed")
        );
        assert_eq!(check("*, Authorization", false, "authorization"), None);
        assert!(check("*", true, "x-anything").is_some());
        assert_eq!(refusal("GET", None, false, "GET", "x-anything"), None);
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
