//! Every warning code cors-native reports, each with its one-line meaning: the one list. The
//! README's table and `WarningCode` in index.d.ts are checked against it by
//! __test__/policy/warning-codes.test.js.

/// Declares `Code` from one line per code: variant, code, meaning.
macro_rules! codes {
    ($($variant:ident = $code:literal: $meaning:literal,)*) => {
        /// A warning code: stable, shown with the warning, and the key that `warnings` turns off.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code {
            $(#[doc = $meaning] $variant,)*
        }

        impl Code {
            /// Every code, in the order the `warnings` option's own lint lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as users write it, `CORS_NATIVE_...`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// What the mistake is, in one line (Markdown, as in the README's table).
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    OptionsType = "CORS_NATIVE_OPTIONS_TYPE":
        "options not an object (`cors(true)`): the defaults apply",
    OriginType = "CORS_NATIVE_ORIGIN_TYPE":
        "`origin`, an entry or an origin function's answer such as `1` or `{}`: like `true`",
    HeaderListType = "CORS_NATIVE_HEADER_LIST_TYPE":
        "`methods`, `allowedHeaders` or `exposedHeaders` not a string or string array (`5`, `['GET', 7]`)",
    CredentialsType = "CORS_NATIVE_CREDENTIALS_TYPE":
        "`credentials` not a boolean (`'true'` sends nothing)",
    MaxAge = "CORS_NATIVE_MAX_AGE":
        "`maxAge` not whole seconds (`-1`, `1.5`, `'abc'`), which browsers ignore",
    PreflightStatus = "CORS_NATIVE_PREFLIGHT_STATUS":
        "`optionsSuccessStatus` not a 2xx number (`500`, `'204'`)",
    BacktrackingRegex = "CORS_NATIVE_BACKTRACKING_REGEX":
        "a RegExp with a backreference or lookaround: it runs in V8, as in cors, not ReDoS-safe",
    CredentialsAnyOrigin = "CORS_NATIVE_CREDENTIALS_ANY_ORIGIN":
        "`credentials: true` with `'*'`, `origin: true` or `true` in the list",
    LooseRegex = "CORS_NATIVE_LOOSE_REGEX":
        "a RegExp not anchored with `^...$`, or with an unescaped `.`",
    NullOrigin = "CORS_NATIVE_NULL_ORIGIN":
        "`origin: 'null'`, or a list that allows `\"null\"` (sandboxed iframes, `data:` URLs, files)",
    PublicSuffixWildcard = "CORS_NATIVE_PUBLIC_SUFFIX_WILDCARD":
        "a pattern or RegExp allowing every site under a public suffix (`https://*.vercel.app`, `/\\.github\\.io$/`): every other customer of that host",
    MalformedOrigin = "CORS_NATIVE_MALFORMED_ORIGIN":
        "an origin or entry with a path, query, trailing slash, no scheme, capitals or a default port, or `'*'` inside a list",
    MaxAgeAboveCap = "CORS_NATIVE_MAX_AGE_ABOVE_CAP":
        "`maxAge` above 7200, the most Chromium caches a preflight",
    UnknownWarning = "CORS_NATIVE_UNKNOWN_WARNING":
        "`warnings` names a code not in this list",
}

impl Code {
    /// The code written `code`, if there is one.
    pub fn parse(code: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|known| known.as_str() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_prefixed_and_parse_back() {
        for (index, code) in Code::ALL.iter().enumerate() {
            assert!(code.as_str().starts_with("CORS_NATIVE_"), "{code:?}");
            assert_eq!(Code::parse(code.as_str()), Some(*code));
            assert!(!Code::ALL[..index]
                .iter()
                .any(|earlier| earlier.as_str() == code.as_str()));
        }
        assert_eq!(Code::parse("CORS_NATIVE_NUL_ORIGIN"), None);
    }
}
