//! Header lists and max-age: any text is either accepted as a valid header value or refused.
#![no_main]
use cors_native::policy::headers::{self, HeaderList, MaxAge};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, Vec<String>, f64)| {
    let (text, items, seconds) = data;
    for value in [headers::allow_methods(Some(&HeaderList::Text(text.to_string()))), headers::expose_headers(Some(&HeaderList::Items(items.clone())))] {
        if let Ok(Some(value)) = value {
            assert!(headers::check_header_value("fuzz", &value).is_ok(), "{value:?}");
        }
    }
    let _ = headers::allow_headers(Some(&HeaderList::Items(items)));
    let _ = headers::max_age(&MaxAge::Text(text.to_string()));
    let _ = headers::max_age(&MaxAge::Seconds(seconds));
});
