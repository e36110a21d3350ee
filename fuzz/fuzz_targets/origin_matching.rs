//! Exact origin lists: an origin is echoed exactly when it is byte-equal to an entry, or to the
//! form browsers send of an entry written with capitals or a default port.
#![no_main]
use cors_native::origin::entry::{classify, Entry};
use cors_native::origin::list::OriginList;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    // The first line is the request origin, the others the allowed entries.
    let mut lines = data.split('\n');
    let origin = lines.next().unwrap_or_default();
    let entries: Vec<String> = lines.filter(|line| !line.contains('*')).map(str::to_string).collect();
    if let Ok(list) = OriginList::new(entries.clone(), &[], false) {
        let listed = entries.iter().any(|entry| match classify(entry) {
            Ok(Entry::Exact { origin: canonical, .. }) => canonical == origin,
            _ => entry == origin,
        });
        assert_eq!(list.allows(origin), listed);
    }
});
