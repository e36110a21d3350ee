//! RegExp origins: building an origin list from any pattern and matching any origin never panics.
#![no_main]
use cors_native::js_regex::JsPattern;
use cors_native::origin::list::OriginList;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, &str, &str)| {
    let (source, flags, origin) = data;
    let patterns = [JsPattern { source: source.to_string(), flags: flags.chars().take(4).collect() }];
    if let Ok(list) = OriginList::new(Vec::new(), &patterns, false) {
        let _ = list.allows(origin);
    }
});
