//! Options -> a compiled, validated `Policy`: every header value computed once, every mistake
//! found (here or, for what only JS sees, by the JS layer) reported or made an error here.
pub mod codes;
pub mod defaults;
pub mod error;
pub mod fixes;
pub mod headers;
pub mod lints;
#[cfg(test)]
mod properties;
pub mod reporting;
pub mod shared_hosts;
pub mod status;

use std::sync::Arc;

use crate::browser::{self, Engine, Failure, PreflightRequest};
use crate::origin::list::OriginList;
use crate::origin::rule::OriginRule;
use crate::policy::error::ConfigError;
use codes::Code;
use headers::{AllowHeaders, HeaderList, HeaderValues, MaxAge};
use lints::Lint;
use status::StatusOption;

/// The options after the JS layer has merged them over cors's defaults and sorted them by shape.
#[derive(Debug)]
pub struct PolicySpec {
    /// `origin`, sorted by shape and with any list already compiled.
    pub origin: OriginRule,
    /// `methods`, sent as Access-Control-Allow-Methods on preflights; `None`: cors's default.
    pub methods: Option<HeaderList>,
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
    /// `optionsSuccessStatus`, the status of an answered preflight; `None`: cors's default.
    pub options_success_status: Option<StatusOption>,
    /// Lints are errors, and preflights are checked on the server.
    pub strict: bool,
    /// The `warnings` option: each code it names and whether it is on (`false` turns it off).
    pub warnings: Vec<(String, bool)>,
    /// The mistakes the JS layer found, in what only JS sees (a value's JS type).
    pub js_lints: Vec<Lint>,
}

impl PolicySpec {
    /// `cors({ origin })`: the given origin rule and cors's defaults for everything else.
    pub fn with_origin(origin: OriginRule) -> PolicySpec {
        PolicySpec {
            origin,
            methods: None,
            allowed_headers: None,
            exposed_headers: None,
            credentials: false,
            max_age: None,
            preflight_continue: defaults::PREFLIGHT_CONTINUE,
            options_success_status: None,
            strict: false,
            warnings: Vec::new(),
            js_lints: Vec::new(),
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
    /// The codes the `warnings` option turns off.
    silenced: Vec<Code>,
}

impl Policy {
    /// Builds the policy, or the error that names the option, the value and the fix: an invalid
    /// value, or with `strict`, every mistake the `warnings` option leaves on. A bad policy
    /// fails at start-up rather than on a request.
    ///
    /// ```
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
        let options_success_status = status::sent(
            spec.options_success_status.as_ref(),
            spec.preflight_continue,
        )?;
        let (silenced, unknown_codes) = reporting::silenced_codes(&spec.warnings);
        // Listed in the order the options are read: the JS layer's findings, the status, the
        // `warnings` option, then the origin, credentials and maxAge.
        let mut lints = spec.js_lints;
        lints.extend(spec.options_success_status.as_ref().and_then(status::lint));
        lints.extend(unknown_codes);
        lints.extend(lints::lints(
            &spec.origin,
            spec.credentials,
            spec.max_age.as_ref(),
        ));
        let lints = reporting::reported(lints, &silenced, spec.strict)?;
        let headers = HeaderValues {
            allow_credentials: spec.credentials,
            allow_methods: headers::allow_methods(spec.methods.as_ref())?,
            allow_headers: headers::allow_headers(spec.allowed_headers.as_ref())?,
            max_age: spec.max_age.as_ref().map(headers::max_age).transpose()?,
            expose_headers: headers::expose_headers(spec.exposed_headers.as_ref())?,
            preflight_continue: spec.preflight_continue,
            options_success_status,
        };
        Ok(Policy {
            origin: spec.origin,
            headers,
            strict: spec.strict,
            lints,
            silenced,
        })
    }

    /// What to change in the options so that `origin`, which the policy refuses, is allowed
    /// if it should be; None when the origin rule refuses no origin.
    pub fn origin_fix(&self, origin: &str) -> Option<String> {
        fixes::origin_fix(&self.origin, origin)
    }

    /// The fix, as the options edited, for what a browser refuses in the policy's answer to a
    /// request from `origin` (`failure`: the model's code, such as `method-not-allowed`); None
    /// when the failure has no fix of that form.
    pub fn engine_fix(
        &self,
        failure: &str,
        origin: &str,
        method: &str,
        request_headers: &str,
    ) -> Option<String> {
        match failure {
            "wildcard-with-credentials" | "allow-credentials-not-true" => {
                Some(fixes::credentials_fix(&self.origin, origin))
            }
            // The Fetch standard refuses whatever an engine refuses here.
            "method-not-allowed"
            | "header-not-allowed"
            | "invalid-allow-methods"
            | "invalid-allow-headers" => self.preflight_refusal(method, request_headers)?.fix,
            _ => None,
        }
    }

    /// Whether the policy reports mistakes with this code: those found after it was built (in
    /// an origin function's answer) are silenced as the ones found in its options are.
    pub fn reports(&self, code: Code) -> bool {
        !self.silenced.contains(&code)
    }

    /// The configured origin list, when the origin rule is one.
    pub fn origin_list(&self) -> Option<&Arc<OriginList>> {
        match &self.origin {
            OriginRule::List(list) => Some(list),
            _ => None,
        }
    }

    /// Strict mode: what a preflight asks for that the policy does not allow, if anything, and
    /// the fix. The policy's own answer is judged by the browser model's preflight checks under
    /// the Fetch standard ([`Engine::Standard`]), so strict mode refuses exactly what they refuse.
    pub fn preflight_refusal(&self, method: &str, request_headers: &str) -> Option<Refusal> {
        let asked = PreflightRequest::received(method, request_headers);
        let allow_headers = match &self.headers.allow_headers {
            AllowHeaders::Reflect => Some(request_headers),
            AllowHeaders::List(list) => list.as_deref(),
        };
        let allow_methods = self.headers.allow_methods.as_deref();
        let failure = browser::preflight_allows(
            Engine::Standard,
            allow_methods,
            allow_headers,
            &asked,
            self.headers.allow_credentials,
        )
        .err()?;
        let reason = match &failure {
            Failure::MethodNotAllowed(method) => format!("method {method} is not allowed"),
            Failure::HeaderNotAllowed(name) => format!("header {name} is not allowed"),
            Failure::InvalidAllowMethods(item) => {
                format!("the allowed methods hold '{item}', which is not a method name")
            }
            Failure::InvalidAllowHeaders(item) => {
                format!("'{item}' is not a header name")
            }
            other => format!("the preflight fails: {}", other.code()),
        };
        let fix = fixes::preflight_fix(&failure, allow_methods, allow_headers);
        Some(Refusal { reason, fix })
    }
}

/// Why strict mode refuses a preflight, and what to change in the options if it should not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The 403's text/plain body, such as "method PATCH is not allowed".
    pub reason: String,
    /// The options as edited to allow it, when the refusal has a fix of that form.
    pub fix: Option<String>,
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
            methods: Some(HeaderList::Text(methods.into())),
            allowed_headers: headers.map(|list| HeaderList::Text(list.into())),
            credentials,
            ..PolicySpec::with_origin(OriginRule::Reflect)
        };
        Policy::build(spec)
            .unwrap()
            .preflight_refusal(method, requested)
            .map(|refusal| refusal.reason)
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
    fn silenced_codes_are_neither_lints_nor_strict_errors() {
        let mut spec = PolicySpec::with_origin(list(&["https://a.example", "null"]));
        spec.strict = true;
        spec.warnings = vec![("CORS_NATIVE_NULL_ORIGIN".into(), false)];
        let policy = Policy::build(spec).unwrap();
        assert!(policy.lints.is_empty());
        assert!(!policy.reports(Code::NullOrigin));
        assert!(policy.reports(Code::OriginType));
    }

    #[test]
    fn mistakes_found_in_js_come_first_and_pass_the_same_strict_gate() {
        let mut spec = PolicySpec::with_origin(list(&["https://a.example", "null"]));
        spec.js_lints = vec![Lint::new(Code::MaxAge, "maxAge: 'soon'".into())];
        spec.warnings = vec![("CORS_NATIVE_NUL_ORIGIN".into(), false)];
        let codes: Vec<Code> = Policy::build(spec)
            .unwrap()
            .lints
            .iter()
            .map(|lint| lint.code)
            .collect();
        assert_eq!(
            codes,
            [Code::MaxAge, Code::UnknownWarning, Code::NullOrigin]
        );
        let mut strict = PolicySpec::with_origin(OriginRule::Any);
        strict.strict = true;
        strict.js_lints = vec![Lint::new(
            Code::CredentialsType,
            "credentials: 'true'".into(),
        )];
        assert_eq!(
            Policy::build(strict).unwrap_err().message(),
            "strict: the options have mistakes: CORS_NATIVE_CREDENTIALS_TYPE: credentials: 'true'"
        );
    }

    #[test]
    fn an_unsendable_status_is_an_error_before_the_strict_gate() {
        let mut spec = PolicySpec::with_origin(list(&["null"]));
        spec.strict = true;
        spec.options_success_status = Some(StatusOption {
            status: 1000,
            number: Some(1000.0),
            shown: "1000".into(),
        });
        let err = Policy::build(spec).unwrap_err();
        assert!(
            err.message().starts_with("optionsSuccessStatus: 1000"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn fixed_origin_with_a_newline_is_rejected() {
        let fixed = OriginRule::Fixed("https://a.example\n".into());
        let err = Policy::build(PolicySpec::with_origin(fixed)).unwrap_err();
        assert!(err.message().starts_with("origin:"), "{}", err.message());
    }
}
