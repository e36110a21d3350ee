//! Just enough of URLs for the redirect rules: a URL's origin (serialised by [`Origin`]),
//! credentials in a URL, and a redirect's `Location` resolved against the URL that sent it.
//! The `url` crate cost 26 kB of the prebuilt tarball's 1 MB budget (1,005,713 against
//! 979,145 bytes) for what these few lines do.
use crate::origin::Origin;

/// `(scheme, authority, rest)` of an absolute hierarchical URL; `rest` starts with `/`, `?`,
/// `#` or is empty.
fn split(url: &str) -> Option<(&str, &str, &str)> {
    let (scheme, after) = url.split_once("://")?;
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    Some((scheme, &after[..end], &after[end..]))
}

/// The serialised origin of an absolute http(s) URL, or `None` for anything else.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, authority, _) = split(url)?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let host_port = authority.rsplit('@').next().unwrap_or("");
    Origin::parse(&format!("{scheme}://{host_port}")).map(|origin| origin.serialize())
}

/// The path of an absolute URL, without query or fragment; `/` when it has none.
pub fn path_of(url: &str) -> String {
    let rest = split(url).map_or("", |(_, _, rest)| rest);
    let path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    if path.is_empty() {
        "/".to_string()
    } else {
        path.to_string()
    }
}

/// Whether an absolute URL carries `user:password@`.
pub fn has_credentials(url: &str) -> bool {
    split(url).is_some_and(|(_, authority, _)| authority.contains('@'))
}

/// Whether two URLs have the same http(s) origin.
pub fn same_origin(a: &str, b: &str) -> bool {
    match (origin_of(a), origin_of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// A redirect's `Location` resolved against the URL that sent it (RFC 3986 reference
/// resolution, with the tabs and newlines browsers strip removed), or `None` when the base
/// is not an absolute URL.
pub fn resolve(base: &str, location: &str) -> Option<String> {
    let location: String = location
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if has_scheme(&location) {
        return Some(location);
    }
    let (scheme, authority, rest) = split(base)?;
    if let Some(network_path) = location.strip_prefix("//") {
        return Some(format!("{scheme}://{network_path}"));
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, query) = (&rest[..path_end], &rest[path_end..]);
    let resolved = match location.chars().next() {
        None => format!("{path}{}", query.split('#').next().unwrap_or("")),
        Some('#') => format!("{path}{}{location}", query.split('#').next().unwrap_or("")),
        Some('?') => format!("{path}{location}"),
        Some('/') => without_dot_segments(&location),
        Some(_) => {
            let directory = &path[..path.rfind('/').map_or(0, |slash| slash + 1)];
            let directory = if directory.is_empty() { "/" } else { directory };
            without_dot_segments(&format!("{directory}{location}"))
        }
    };
    Some(format!("{scheme}://{authority}{resolved}"))
}

fn has_scheme(reference: &str) -> bool {
    let Some((scheme, _)) = reference.split_once(':') else {
        return false;
    };
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// RFC 3986's *remove_dot_segments* on an absolute path, its query and fragment kept.
fn without_dot_segments(reference: &str) -> String {
    let end = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, tail) = reference.split_at(end);
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *segment {
            ".." => {
                segments.pop();
                if last {
                    segments.push("");
                }
            }
            "." if last => segments.push(""),
            "." => {}
            _ => segments.push(segment),
        }
    }
    format!("/{}{tail}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_as_browsers_resolve_them() {
        let base = "https://api.example.com/v1/items?page=2#top";
        let cases = [
            ("https://other.example/x", "https://other.example/x"),
            ("//cdn.example/a", "https://cdn.example/a"),
            ("/items/", "https://api.example.com/items/"),
            ("next", "https://api.example.com/v1/next"),
            ("../v2/items", "https://api.example.com/v2/items"),
            ("./", "https://api.example.com/v1/"),
            ("?page=3", "https://api.example.com/v1/items?page=3"),
            ("#end", "https://api.example.com/v1/items?page=2#end"),
            (" /a\tb\n ", "https://api.example.com/ab"),
            ("file:///etc/passwd", "file:///etc/passwd"),
        ];
        for (location, expected) in cases {
            assert_eq!(
                resolve(base, location).as_deref(),
                Some(expected),
                "{location}"
            );
        }
        assert_eq!(resolve("not a url", "/x"), None);
    }

    #[test]
    fn origins_are_http_or_https_only() {
        assert_eq!(
            origin_of("HTTPS://User:pw@API.example.com:443/x").as_deref(),
            Some("https://api.example.com")
        );
        assert_eq!(
            origin_of("http://localhost:3000/").as_deref(),
            Some("http://localhost:3000")
        );
        assert_eq!(
            origin_of("http://[::1]:8080/").as_deref(),
            Some("http://[::1]:8080")
        );
        assert_eq!(origin_of("file:///etc/passwd"), None);
        assert_eq!(origin_of("data:text/plain,x"), None);
        assert!(has_credentials("https://user:pw@api.example.com/"));
        assert_eq!(path_of("https://api.example.com/v1/me?x=1#y"), "/v1/me");
        assert_eq!(path_of("https://api.example.com?x=1"), "/");
        assert!(!has_credentials("https://api.example.com/a@b"));
    }
}
