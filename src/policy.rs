//! Options -> a compiled, validated `Policy`: every header value computed once.

use crate::error::ConfigError;
use crate::headers::{self, AllowHeaders, HeaderList, MaxAge};
use crate::lints::{self, Lint};
use crate::origin::{JsPattern, OriginList};
use crate::preflight;

/// The `origin` option, already sorted by shape (the JS layer knows what a RegExp is).
#[derive(Debug, Clone, PartialEq)]
pub enum OriginSpec {
    /// A falsy `origin`: no CORS headers at all.
    Disabled,
    /// `'*'`.
    Any,
    /// Any other string: sent as is, whatever the request's origin.
    Fixed(String),
    /// `true`: echo every request origin.
    Reflect,
    /// A RegExp or an array: echo the request origin when an entry matches.
    List {
        exact: Vec<String>,
        patterns: Vec<JsPattern>,
        allow_all: bool,
    },
    /// A function, called per request in JS; its answer is compiled separately.
    Dynamic,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicySpec {
    pub origin: OriginSpec,
    pub methods: HeaderList,
    pub allowed_headers: Option<HeaderList>,
    pub exposed_headers: Option<HeaderList>,
    pub credentials: bool,
    pub max_age: Option<MaxAge>,
    pub preflight_continue: bool,
    pub options_success_status: u32,
    /// Lints are errors, and preflights are checked on the server.
    pub strict: bool,
}

impl PolicySpec {
    /// `cors({ origin })`: the given origin rule and cors's defaults for everything else.
    pub fn with_origin(origin: OriginSpec) -> PolicySpec {
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
        }
    }
}

#[derive(Debug)]
pub enum OriginRule {
    Disabled,
    Any,
    Fixed(String),
    Reflect,
    List(OriginList),
    Dynamic,
}

#[derive(Debug)]
pub struct Policy {
    pub origin: OriginRule,
    pub allow_credentials: bool,
    pub allow_methods: Option<String>,
    pub allow_headers: AllowHeaders,
    pub max_age: Option<String>,
    pub expose_headers: Option<String>,
    pub preflight_continue: bool,
    pub options_success_status: u32,
    pub strict: bool,
    /// The mistakes found in the options (none when strict: they are errors then).
    pub lints: Vec<Lint>,
}

impl Policy {
    pub fn build(spec: PolicySpec) -> Result<Policy, ConfigError> {
        let origin = origin_rule(spec.origin.clone())?;
        let lints = lints::lints(&spec, &origin);
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
        Ok(Policy {
            origin,
            strict: spec.strict,
            lints,
            allow_credentials: spec.credentials,
            allow_methods: headers::allow_methods(&spec.methods)?,
            allow_headers: headers::allow_headers(spec.allowed_headers.as_ref())?,
            max_age: spec.max_age.as_ref().map(headers::max_age).transpose()?,
            expose_headers: headers::expose_headers(spec.exposed_headers.as_ref())?,
            preflight_continue: spec.preflight_continue,
            options_success_status: success_status(spec.options_success_status)?,
        })
    }

    /// Whether `Access-Control-Allow-Origin` echoes this request origin.
    pub fn echoes_origin(&self, origin: &str) -> bool {
        match &self.origin {
            OriginRule::Reflect => true,
            OriginRule::List(list) => list.allows(origin),
            OriginRule::Disabled | OriginRule::Any | OriginRule::Fixed(_) | OriginRule::Dynamic => {
                false
            }
        }
    }

    /// Strict mode: what a preflight asks for that the policy does not allow, if anything.
    pub fn preflight_refusal(&self, method: &str, request_headers: &str) -> Option<String> {
        preflight::refusal(
            self.allow_methods.as_deref(),
            &self.allow_headers,
            self.allow_credentials,
            method,
            request_headers,
        )
    }

    /// Why a refused origin matched nothing, when a configured entry comes close.
    pub fn refusal_hint(&self, origin: &str) -> Option<String> {
        match &self.origin {
            OriginRule::List(list) => list.refusal_hint(origin),
            _ => None,
        }
    }

    /// `cors` adds `Vary: Origin` whenever the answer could depend on the request's origin,
    /// and for a fixed origin too.
    pub fn varies_on_origin(&self) -> bool {
        matches!(
            self.origin,
            OriginRule::Fixed(_) | OriginRule::Reflect | OriginRule::List(_)
        )
    }
}

fn origin_rule(spec: OriginSpec) -> Result<OriginRule, ConfigError> {
    Ok(match spec {
        OriginSpec::Disabled => OriginRule::Disabled,
        OriginSpec::Any => OriginRule::Any,
        OriginSpec::Fixed(origin) => {
            headers::check_header_value("origin", &origin)?;
            OriginRule::Fixed(origin)
        }
        OriginSpec::Reflect => OriginRule::Reflect,
        OriginSpec::List {
            exact,
            patterns,
            allow_all,
        } => OriginRule::List(OriginList::new(exact, &patterns, allow_all)?),
        OriginSpec::Dynamic => OriginRule::Dynamic,
    })
}

/// Browsers fail a preflight whose status is not 2xx, so anything else is a mistake.
fn success_status(status: u32) -> Result<u32, ConfigError> {
    if (200..=299).contains(&status) {
        Ok(status)
    } else {
        Err(ConfigError::new(format!(
            "optionsSuccessStatus: {status} is not a 2xx status, and browsers fail a preflight \
             answered with anything else; use 204 (the default) or 200"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(origin: OriginSpec) -> PolicySpec {
        PolicySpec::with_origin(origin)
    }

    #[test]
    fn defaults_match_cors() {
        let policy = Policy::build(spec(OriginSpec::Any)).unwrap();
        assert_eq!(
            policy.allow_methods.as_deref(),
            Some("GET,HEAD,PUT,PATCH,POST,DELETE")
        );
        assert_eq!(policy.allow_headers, AllowHeaders::Reflect);
        assert!(!policy.varies_on_origin());
        assert!(!policy.echoes_origin("https://a.example"));
    }

    #[test]
    fn list_echoes_only_matching_origins_and_always_varies() {
        let policy = Policy::build(spec(OriginSpec::List {
            exact: vec!["https://a.example".into()],
            patterns: vec![],
            allow_all: false,
        }))
        .unwrap();
        assert!(policy.echoes_origin("https://a.example"));
        assert!(!policy.echoes_origin("https://b.example"));
        assert!(policy.varies_on_origin());
    }

    #[test]
    fn fixed_origin_never_echoes_but_varies() {
        let policy = Policy::build(spec(OriginSpec::Fixed("https://a.example".into()))).unwrap();
        assert!(!policy.echoes_origin("https://a.example"));
        assert!(policy.varies_on_origin());
    }

    #[test]
    fn reflect_echoes_everything() {
        let policy = Policy::build(spec(OriginSpec::Reflect)).unwrap();
        assert!(policy.echoes_origin("null"));
    }

    #[test]
    fn non_2xx_success_status_is_rejected_with_the_fix() {
        let mut bad = spec(OriginSpec::Any);
        bad.options_success_status = 404;
        let err = Policy::build(bad).unwrap_err();
        assert!(
            err.message().starts_with("optionsSuccessStatus: 404"),
            "{}",
            err.message()
        );
        assert!(err.message().contains("use 204"));
    }

    #[test]
    fn fixed_origin_with_a_newline_is_rejected() {
        let err = Policy::build(spec(OriginSpec::Fixed("https://a.example\n".into()))).unwrap_err();
        assert!(err.message().starts_with("origin:"), "{}", err.message());
    }
}
