//! RegExp origins: building a policy from any pattern and matching any origin never panics.
#![no_main]
use cors_native::origin::JsPattern;
use cors_native::policy::{OriginSpec, Policy, PolicySpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, &str, &str)| {
    let (source, flags, origin) = data;
    let spec = PolicySpec::with_origin(OriginSpec::List {
        exact: Vec::new(),
        patterns: vec![JsPattern { source: source.to_string(), flags: flags.chars().take(4).collect() }],
        allow_all: false,
    });
    if let Ok(policy) = Policy::build(spec) {
        let _ = policy.echoes_origin(origin);
    }
});
