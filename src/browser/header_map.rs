//! Reading response headers as browsers do: names case-insensitive, repeated headers joined
//! with ", " (Chromium's and Firefox's network stacks both combine them this way).
use std::borrow::Cow;

use super::Header;

/// The combined value of every header named `name`, or `None` when there is none; borrowed
/// in the usual case of a single header.
pub fn get<'a>(headers: &'a [Header], name: &str) -> Option<Cow<'a, str>> {
    let mut values = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim_matches([' ', '\t']));
    let first = values.next()?;
    let mut combined = Cow::Borrowed(first);
    for value in values {
        let all = combined.to_mut();
        all.push_str(", ");
        all.push_str(value);
    }
    Some(combined)
}

/// How many header lines are named `name`.
pub fn count(headers: &[Header], name: &str) -> usize {
    headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .count()
}
