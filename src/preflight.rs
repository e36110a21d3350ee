//! Strict mode's server-side preflight check: is the requested method and every requested
//! header allowed? Header names compare case-insensitively; a `*` never covers Authorization
//! and is no wildcard for credentialed requests, as in the Fetch standard.

use crate::policy::headers::AllowHeaders;

/// Methods a browser never preflights, so they are always allowed.
const SAFELISTED_METHODS: [&str; 3] = ["GET", "HEAD", "POST"];

/// `None` when the preflight may pass, else what was refused ("method PATCH is not allowed").
pub fn refusal(
    allow_methods: Option<&str>,
    allow_headers: &AllowHeaders,
    credentials: bool,
    method: &str,
    request_headers: &str,
) -> Option<String> {
    let methods: Vec<&str> = list(allow_methods.unwrap_or("")).collect();
    let method_allowed = SAFELISTED_METHODS.contains(&method)
        || methods.contains(&method)
        || (!credentials && methods.contains(&"*"));
    if !method_allowed {
        return Some(format!("method {method} is not allowed"));
    }
    let AllowHeaders::List(allowed) = allow_headers else {
        return None;
    };
    let allowed: Vec<String> = list(allowed.as_deref().unwrap_or(""))
        .map(str::to_ascii_lowercase)
        .collect();
    let wildcard = !credentials && allowed.iter().any(|name| name == "*");
    list(request_headers)
        .map(str::to_ascii_lowercase)
        .find(|name| !(allowed.contains(name) || (wildcard && name != "authorization")))
        .map(|name| format!("header {name} is not allowed"))
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        methods: &str,
        headers: Option<&str>,
        credentials: bool,
        method: &str,
        requested: &str,
    ) -> Option<String> {
        let allow = match headers {
            None => AllowHeaders::Reflect,
            Some(list) => AllowHeaders::List(Some(list.to_string())),
        };
        refusal(Some(methods), &allow, credentials, method, requested)
    }

    #[test]
    fn methods_must_be_listed_unless_safelisted() {
        assert_eq!(check("GET,PUT", None, false, "PUT", ""), None);
        assert_eq!(check("GET,PUT", None, false, "POST", ""), None);
        assert_eq!(
            check("GET,PUT", None, false, "PATCH", "").as_deref(),
            Some("method PATCH is not allowed")
        );
        assert_eq!(check("*", None, false, "PATCH", ""), None);
        assert!(check("*", None, true, "PATCH", "").is_some());
    }

    #[test]
    fn headers_compare_case_insensitively_and_star_never_covers_authorization() {
        assert_eq!(
            check(
                "GET",
                Some("Content-Type, X-Api-Key"),
                false,
                "GET",
                "content-type,x-api-key"
            ),
            None
        );
        assert_eq!(
            check("GET", Some("Content-Type"), false, "GET", "x-secret").as_deref(),
            Some("header x-secret is not allowed")
        );
        assert_eq!(check("GET", Some("*"), false, "GET", "x-anything"), None);
        assert_eq!(
            check("GET", Some("*"), false, "GET", "Authorization").as_deref(),
            Some("header authorization is not allowed")
        );
        assert_eq!(
            check(
                "GET",
                Some("*, Authorization"),
                false,
                "GET",
                "authorization"
            ),
            None
        );
        assert!(check("GET", Some("*"), true, "GET", "x-anything").is_some());
        assert_eq!(check("GET", None, false, "GET", "x-anything"), None);
    }
}
