//! The JS-RegExp-to-regex translation: never panics, and whatever it accepts is valid syntax
//! for the regex crate.
#![no_main]
use cors_native::js_regex::translate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, &str)| {
    let (source, flags) = data;
    if let Ok(translated) = translate(source, flags) {
        if let Err(regex::Error::Syntax(why)) = regex::Regex::new(&translated) {
            panic!("{source:?} translated to invalid {translated:?}: {why}");
        }
    }
});
