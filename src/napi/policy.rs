//! The Node-API surface: typed inputs converted into the core's spec (`TryFrom`), the core's
//! answers handed back, header values once per policy. The core never sees a napi type. Every
//! export catches panics so none can abort the Node process.
// The exports are only reachable from Node; unit tests build without them.
#![cfg_attr(test, allow(dead_code))]
use std::sync::Arc;

use napi::bindgen_prelude::{Either, External};
use napi::{Error, JsString, Result, Status};
use napi_derive::napi;

use crate::js_regex::JsPattern;
use crate::origin::list::OriginList;
use crate::origin::rule::OriginRule;
use crate::policy::codes::Code;
use crate::policy::defaults;
use crate::policy::error::ConfigError;
use crate::policy::fixes::answered_list_fix;
use crate::policy::headers::{AllowHeaders, HeaderList, MaxAge};
use crate::policy::lints::Lint;
use crate::policy::status::StatusOption;
use crate::policy::{Policy, PolicySpec};

/// A RegExp entry: `re.source` and `re.flags`.
#[napi(object)]
pub struct RegExpInput {
    pub source: String,
    pub flags: String,
}

/// The `origin` option as the JS layer sorted it by shape, `{ kind: 'list', exact, ... }`.
#[napi(discriminant = "kind", discriminant_case = "lowercase")]
pub enum OriginInput {
    Disabled,
    Any,
    Fixed {
        origin: String,
    },
    Reflect,
    List {
        exact: Vec<String>,
        patterns: Vec<RegExpInput>,
        allow_all: bool,
    },
    Dynamic,
}

/// `optionsSuccessStatus` as the JS layer read it.
#[napi(object)]
pub struct StatusInput {
    /// `value | 0`, the status Node sends.
    pub status: i32,
    /// The value when it is a number, else left out.
    pub number: Option<f64>,
    /// The value as messages show it (`util.inspect`).
    pub shown: String,
}

/// One entry of the `warnings` option.
#[napi(object)]
pub struct WarningSetting {
    pub code: String,
    pub on: bool,
}

/// The options after the JS layer has merged them over the defaults and sorted them by shape.
#[napi(object)]
pub struct PolicyInput {
    pub origin: OriginInput,
    /// Left out: cors's default methods.
    pub methods: Option<Either<String, Vec<String>>>,
    pub allowed_headers: Option<Either<String, Vec<String>>>,
    pub exposed_headers: Option<Either<String, Vec<String>>>,
    pub credentials: bool,
    pub max_age: Option<Either<f64, String>>,
    pub preflight_continue: bool,
    /// Left out: cors's default status.
    pub options_success_status: Option<StatusInput>,
    pub strict: bool,
    /// The `warnings` option's entries, in order; may be left out.
    pub warnings: Option<Vec<WarningSetting>>,
    /// The mistakes the JS layer found; may be left out.
    pub js_lints: Option<Vec<JsLint>>,
}

/// A mistake in the options: a stable code and a message with the fix.
#[napi(object, js_name = "Lint")]
pub struct JsLint {
    pub code: String,
    pub message: String,
    /// Origin entries to write instead; empty when the fix is not of that form.
    pub suggestion: Vec<String>,
}

/// A warning code and what the mistake is, in one line.
#[napi(object, js_name = "WarningCode")]
pub struct JsWarningCode {
    pub code: String,
    pub meaning: String,
}

/// cors's defaults, for the JS layer to merge the options over as cors does.
#[napi(object, js_name = "Defaults")]
pub struct JsDefaults {
    pub origin: String,
    pub methods: String,
    pub preflight_continue: bool,
    pub options_success_status: u32,
}

/// The header values JS writes. Absent values are `null`, never missing, so every policy's
/// object has one shape and the per-request property reads stay monomorphic.
#[napi(object, use_nullable = true, js_name = "HeaderValues")]
pub struct JsHeaderValues {
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

impl TryFrom<OriginInput> for OriginRule {
    type Error = ConfigError;

    fn try_from(input: OriginInput) -> std::result::Result<Self, ConfigError> {
        Ok(match input {
            OriginInput::Disabled => OriginRule::Disabled,
            OriginInput::Any => OriginRule::Any,
            OriginInput::Fixed { origin } => OriginRule::Fixed(origin),
            OriginInput::Reflect => OriginRule::Reflect,
            OriginInput::Dynamic => OriginRule::Dynamic,
            OriginInput::List {
                exact,
                patterns,
                allow_all,
            } => {
                let patterns: Vec<JsPattern> = patterns
                    .into_iter()
                    .map(|p| JsPattern {
                        source: p.source,
                        flags: p.flags,
                    })
                    .collect();
                OriginRule::List(Arc::new(OriginList::new(exact, &patterns, allow_all)?))
            }
        })
    }
}

impl TryFrom<PolicyInput> for PolicySpec {
    type Error = ConfigError;

    fn try_from(input: PolicyInput) -> std::result::Result<Self, ConfigError> {
        Ok(PolicySpec {
            origin: input.origin.try_into()?,
            methods: input.methods.map(header_list),
            allowed_headers: input.allowed_headers.map(header_list),
            exposed_headers: input.exposed_headers.map(header_list),
            credentials: input.credentials,
            max_age: input.max_age.map(|value| match value {
                Either::A(seconds) => MaxAge::Seconds(seconds),
                Either::B(text) => MaxAge::Text(text),
            }),
            preflight_continue: input.preflight_continue,
            options_success_status: input.options_success_status.map(|given| StatusOption {
                status: given.status,
                number: given.number,
                shown: given.shown,
            }),
            strict: input.strict,
            warnings: input
                .warnings
                .unwrap_or_default()
                .into_iter()
                .map(|setting| (setting.code, setting.on))
                .collect(),
            js_lints: input
                .js_lints
                .unwrap_or_default()
                .into_iter()
                .map(Lint::try_from)
                .collect::<std::result::Result<_, _>>()?,
        })
    }
}

impl TryFrom<JsLint> for Lint {
    type Error = ConfigError;

    fn try_from(lint: JsLint) -> std::result::Result<Self, ConfigError> {
        Ok(Lint {
            code: known_code(&lint.code)?,
            message: lint.message,
            suggestion: lint.suggestion,
        })
    }
}

impl From<&Lint> for JsLint {
    fn from(lint: &Lint) -> Self {
        JsLint {
            code: lint.code.as_str().to_string(),
            message: lint.message.clone(),
            suggestion: lint.suggestion.clone(),
        }
    }
}

/// The JS layer names codes from the list; another name is its bug, caught here.
fn known_code(code: &str) -> std::result::Result<Code, ConfigError> {
    Code::parse(code).ok_or_else(|| ConfigError::new(format!("{code:?} is not a warning code")))
}

impl From<&Policy> for JsHeaderValues {
    fn from(policy: &Policy) -> Self {
        let values = &policy.headers;
        let (reflect_request_headers, allow_headers) = match &values.allow_headers {
            AllowHeaders::Reflect => (true, None),
            AllowHeaders::List(list) => (false, list.clone()),
        };
        JsHeaderValues {
            vary_origin: policy.origin.varies_on_origin(),
            fixed_origin: match &policy.origin {
                OriginRule::Fixed(origin) => Some(origin.clone()),
                _ => None,
            },
            allow_credentials: values.allow_credentials.then(|| "true".to_string()),
            allow_methods: values.allow_methods.clone(),
            reflect_request_headers,
            allow_headers,
            max_age: values.max_age.clone(),
            expose_headers: values.expose_headers.clone(),
            preflight_continue: values.preflight_continue,
            options_success_status: values.options_success_status,
        }
    }
}

fn header_list(value: Either<String, Vec<String>>) -> HeaderList {
    match value {
        Either::A(text) => HeaderList::Text(text),
        Either::B(items) => HeaderList::Items(items),
    }
}

/// Invalid option values are `InvalidArg` errors, which the JS layer throws as TypeErrors.
fn invalid(error: ConfigError) -> Error {
    Error::new(Status::InvalidArg, error.message().to_string())
}

/// Builds a policy; the error names the option, the value and the fix.
#[napi(catch_unwind)]
pub fn policy_build(input: PolicyInput) -> Result<External<Arc<Policy>>> {
    let spec = PolicySpec::try_from(input).map_err(invalid)?;
    let policy = Policy::build(spec).map_err(invalid)?;
    // The size lets V8 collect dropped policies as soon as their native memory matters.
    let size = policy.origin_list().map_or(0, |list| list.heap_size_hint());
    Ok(External::new_with_size_hint(Arc::new(policy), size))
}

/// The policy's header values, read once when the policy is made.
#[napi(catch_unwind)]
pub fn policy_header_values(policy: &External<Arc<Policy>>) -> JsHeaderValues {
    JsHeaderValues::from(&***policy)
}

/// The mistakes found in the options (by the JS layer, then natively), less those silenced,
/// for one-time warnings.
#[napi(catch_unwind)]
pub fn policy_lints(policy: &External<Arc<Policy>>) -> Vec<JsLint> {
    policy.lints.iter().map(JsLint::from).collect()
}

/// Whether the policy reports a mistake with this code found after it was built (in an origin
/// function's answer): false when its `warnings` option turns the code off.
#[napi(catch_unwind)]
pub fn policy_reports(policy: &External<Arc<Policy>>, code: String) -> Result<bool> {
    Ok(policy.reports(known_code(&code).map_err(invalid)?))
}

/// Every warning code with its meaning, the one list.
#[napi(catch_unwind)]
pub fn policy_warning_codes() -> Vec<JsWarningCode> {
    Code::ALL
        .iter()
        .map(|code| JsWarningCode {
            code: code.as_str().to_string(),
            meaning: code.meaning().to_string(),
        })
        .collect()
}

/// cors's defaults, read once when the JS layer loads.
#[napi(catch_unwind)]
pub fn policy_defaults() -> JsDefaults {
    JsDefaults {
        origin: defaults::ORIGIN.to_string(),
        methods: defaults::METHODS.to_string(),
        preflight_continue: defaults::PREFLIGHT_CONTINUE,
        options_success_status: defaults::OPTIONS_SUCCESS_STATUS,
    }
}

/// The policy's origin list, when its origin rule is one.
#[napi(catch_unwind)]
pub fn policy_origin_list(policy: &External<Arc<Policy>>) -> Option<External<Arc<OriginList>>> {
    policy
        .origin_list()
        .map(|list| External::new(Arc::clone(list)))
}

/// Why strict mode refuses a preflight ("method PATCH is not allowed") and the fix.
#[napi(object, use_nullable = true, js_name = "PreflightRefusal")]
pub struct JsPreflightRefusal {
    pub reason: String,
    pub fix: Option<String>,
}

/// Strict mode: what a preflight asks for that is not allowed, and the options that would.
#[napi(catch_unwind)]
pub fn policy_preflight_refusal(
    policy: &External<Arc<Policy>>,
    method: String,
    request_headers: String,
) -> Option<JsPreflightRefusal> {
    policy
        .preflight_refusal(&method, &request_headers)
        .map(|refusal| JsPreflightRefusal {
            reason: refusal.reason,
            fix: refusal.fix,
        })
}

/// What to change in the options so that a refused origin is allowed, if it should be; null
/// when the origin rule refuses no origin.
#[napi(catch_unwind)]
pub fn policy_origin_fix(policy: &External<Arc<Policy>>, origin: String) -> Option<String> {
    policy.origin_fix(&origin)
}

/// The fix, as the options edited, for what a browser refuses in the policy's answer (the
/// model's failure code); null when there is none of that form.
#[napi(catch_unwind)]
pub fn policy_engine_fix(
    policy: &External<Arc<Policy>>,
    failure: String,
    origin: String,
    method: String,
    request_headers: String,
) -> Option<String> {
    policy.engine_fix(&failure, &origin, &method, &request_headers)
}

/// Compiles an origin list on its own: what an origin function answered (a RegExp or an array).
#[napi(catch_unwind)]
pub fn origin_list_build(origin: OriginInput) -> Result<External<Arc<OriginList>>> {
    match OriginRule::try_from(origin).map_err(invalid)? {
        OriginRule::List(list) => {
            let size = list.heap_size_hint();
            Ok(External::new_with_size_hint(list, size))
        }
        _ => Err(Error::new(
            Status::InvalidArg,
            "not an origin list".to_string(),
        )),
    }
}

/// Whether the list allows this request origin: the per-request call. A plain function on a
/// handle, reading the origin through a stack buffer, costs well under half of a class method
/// taking a `String`.
#[napi(catch_unwind)]
pub fn origin_list_allows(list: &External<Arc<OriginList>>, origin: JsString) -> Result<bool> {
    crate::napi::js_string::with_utf8(origin, |text| list.allows(text))
}

/// Why a refused origin matched nothing, pointing at the closest configured entry.
#[napi(catch_unwind)]
pub fn origin_list_refusal_hint(
    list: &External<Arc<OriginList>>,
    origin: String,
) -> Option<String> {
    list.refusal_hint(&origin)
}

/// What to change in the list an origin function answered so that a refused origin is allowed.
#[napi(catch_unwind)]
pub fn origin_list_refusal_fix(list: &External<Arc<OriginList>>, origin: String) -> String {
    answered_list_fix(list, &origin)
}
