//! The Node-API surface: converts the options the JS layer prepared, calls the core, and hands
//! back header values once. Every export catches panics so none can abort the Node process.
// The exports are only reachable from Node; unit tests build without them.
#![cfg_attr(test, allow(dead_code))]
use std::sync::Arc;

use napi::bindgen_prelude::{Either, External};
use napi::{Error, JsString, Result, Status};
use napi_derive::napi;

use crate::headers::{AllowHeaders, HeaderList, MaxAge};
use crate::origin::JsPattern;
use crate::policy::{OriginSpec, Policy, PolicySpec};

#[napi(object)]
pub struct OriginPatternInput {
    pub source: String,
    pub flags: String,
}

/// The options after the JS layer has merged them over the defaults and sorted them by shape.
#[napi(object)]
pub struct PolicyInput {
    /// One of 'disabled', 'any', 'fixed', 'reflect', 'list', 'dynamic'.
    pub origin_kind: String,
    pub fixed_origin: Option<String>,
    pub exact_origins: Option<Vec<String>>,
    pub origin_patterns: Option<Vec<OriginPatternInput>>,
    pub allow_all_origins: Option<bool>,
    pub methods: Either<String, Vec<String>>,
    pub allowed_headers: Option<Either<String, Vec<String>>>,
    pub exposed_headers: Option<Either<String, Vec<String>>>,
    pub credentials: bool,
    pub max_age: Option<Either<f64, String>>,
    pub preflight_continue: bool,
    pub options_success_status: u32,
    pub strict: Option<bool>,
}

/// A mistake in the options: a stable code and a message with the fix.
#[napi(object)]
pub struct PolicyLint {
    pub code: String,
    pub message: String,
    /// Origin entries to write instead; empty when the fix is not of that form.
    pub suggestion: Vec<String>,
}

/// The ready header values of a policy; absent values are not sent.
#[napi(object)]
pub struct PolicyHeaders {
    pub vary_origin: bool,
    pub fixed_origin: Option<String>,
    pub allow_credentials: Option<String>,
    pub allow_methods: Option<String>,
    pub reflect_request_headers: bool,
    pub allow_headers: Option<String>,
    pub max_age: Option<String>,
    pub expose_headers: Option<String>,
    pub preflight_continue: bool,
    pub options_success_status: u32,
}

/// A compiled CORS policy.
#[napi]
pub struct NativePolicy {
    policy: Arc<Policy>,
}

#[napi]
impl NativePolicy {
    /// Throws an `InvalidArg` error whose message names the option, the value and the fix.
    #[napi(constructor, catch_unwind)]
    pub fn new(input: PolicyInput) -> Result<Self> {
        let spec = policy_spec(input)?;
        let policy = Policy::build(spec).map_err(|err| invalid(err.message()))?;
        Ok(NativePolicy {
            policy: Arc::new(policy),
        })
    }

    #[napi(catch_unwind)]
    pub fn headers(&self) -> PolicyHeaders {
        let policy = &self.policy;
        let (reflect_request_headers, allow_headers) = match &policy.allow_headers {
            AllowHeaders::Reflect => (true, None),
            AllowHeaders::List(list) => (false, list.clone()),
        };
        PolicyHeaders {
            vary_origin: policy.varies_on_origin(),
            fixed_origin: match &policy.origin {
                crate::policy::OriginRule::Fixed(origin) => Some(origin.clone()),
                _ => None,
            },
            allow_credentials: policy.allow_credentials.then(|| "true".to_string()),
            allow_methods: policy.allow_methods.clone(),
            reflect_request_headers,
            allow_headers,
            max_age: policy.max_age.clone(),
            expose_headers: policy.expose_headers.clone(),
            preflight_continue: policy.preflight_continue,
            options_success_status: policy.options_success_status,
        }
    }

    /// Whether `Access-Control-Allow-Origin` echoes this request origin.
    #[napi(catch_unwind)]
    pub fn echoes_origin(&self, origin: String) -> bool {
        self.policy.echoes_origin(&origin)
    }

    /// The mistakes found in the options, for one-time warnings.
    #[napi(catch_unwind)]
    pub fn lints(&self) -> Vec<PolicyLint> {
        self.policy
            .lints
            .iter()
            .map(|lint| PolicyLint {
                code: lint.code.to_string(),
                message: lint.message.clone(),
                suggestion: lint.suggestion.clone(),
            })
            .collect()
    }

    /// Strict mode: what a preflight asks for that is not allowed ("method PATCH is not allowed").
    #[napi(catch_unwind)]
    pub fn preflight_refusal(&self, method: String, request_headers: String) -> Option<String> {
        self.policy.preflight_refusal(&method, &request_headers)
    }

    /// Why a refused origin matched nothing, pointing at the closest configured entry.
    #[napi(catch_unwind)]
    pub fn refusal_hint(&self, origin: String) -> Option<String> {
        self.policy.refusal_hint(&origin)
    }

    /// A handle on this policy for `policyEchoesOrigin`, the per-request call.
    #[napi(catch_unwind)]
    pub fn handle(&self) -> External<Arc<Policy>> {
        External::new(Arc::clone(&self.policy))
    }
}

/// `echoesOrigin` for the per-request path: a plain function on a handle, reading the origin
/// through a stack buffer, costs well under half of a class method taking a `String`.
#[napi(catch_unwind)]
pub fn policy_echoes_origin(policy: &External<Arc<Policy>>, origin: JsString) -> Result<bool> {
    crate::js_string::with_utf8(origin, |text| policy.echoes_origin(text))
}

fn invalid(message: &str) -> Error {
    Error::new(Status::InvalidArg, message.to_string())
}

fn policy_spec(input: PolicyInput) -> Result<PolicySpec> {
    Ok(PolicySpec {
        origin: origin_spec(&input)?,
        methods: header_list(input.methods),
        allowed_headers: input.allowed_headers.map(header_list),
        exposed_headers: input.exposed_headers.map(header_list),
        credentials: input.credentials,
        max_age: input.max_age.map(|value| match value {
            Either::A(seconds) => MaxAge::Seconds(seconds),
            Either::B(text) => MaxAge::Text(text),
        }),
        preflight_continue: input.preflight_continue,
        options_success_status: input.options_success_status,
        strict: input.strict.unwrap_or(false),
    })
}

fn origin_spec(input: &PolicyInput) -> Result<OriginSpec> {
    Ok(match input.origin_kind.as_str() {
        "disabled" => OriginSpec::Disabled,
        "any" => OriginSpec::Any,
        "fixed" => OriginSpec::Fixed(input.fixed_origin.clone().unwrap_or_default()),
        "reflect" => OriginSpec::Reflect,
        "dynamic" => OriginSpec::Dynamic,
        "list" => OriginSpec::List {
            exact: input.exact_origins.clone().unwrap_or_default(),
            patterns: input
                .origin_patterns
                .iter()
                .flatten()
                .map(|p| JsPattern {
                    source: p.source.clone(),
                    flags: p.flags.clone(),
                })
                .collect(),
            allow_all: input.allow_all_origins.unwrap_or(false),
        },
        other => return Err(invalid(&format!("unknown originKind {other:?}"))),
    })
}

fn header_list(value: Either<String, Vec<String>>) -> HeaderList {
    match value {
        Either::A(text) => HeaderList::Text(text),
        Either::B(items) => HeaderList::Items(items),
    }
}
