//! Which lints a policy reports, for every lint wherever it was found (the JS layer hands over
//! those only JS can see): the `warnings` option turns codes off, and with `strict` the rest
//! are one error instead of warnings.

use crate::policy::codes::Code;
use crate::policy::error::ConfigError;
use crate::policy::lints::Lint;

/// The codes the `warnings` option (each name and whether it is on) turns off, and a lint for
/// each name that is no warning code.
pub fn silenced_codes(warnings: &[(String, bool)]) -> (Vec<Code>, Vec<Lint>) {
    let mut silenced = Vec::new();
    let mut unknown = Vec::new();
    for (name, on) in warnings {
        match Code::parse(name) {
            Some(code) if !on => silenced.push(code),
            Some(_) => {}
            None => unknown.push(Lint::new(
                Code::UnknownWarning,
                format!(
                    "warnings: {name:?} is not a cors-native warning code; the codes are {}",
                    all_codes()
                ),
            )),
        }
    }
    (silenced, unknown)
}

fn all_codes() -> String {
    let codes: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
    codes.join(", ")
}

/// The lints whose codes are not silenced; with `strict`, any such lint makes the options an
/// error that lists them.
pub fn reported(
    mut lints: Vec<Lint>,
    silenced: &[Code],
    strict: bool,
) -> Result<Vec<Lint>, ConfigError> {
    lints.retain(|lint| !silenced.contains(&lint.code));
    if strict && !lints.is_empty() {
        let listed: Vec<String> = lints
            .iter()
            .map(|lint| format!("{}: {}", lint.code.as_str(), lint.message))
            .collect();
        return Err(ConfigError::new(format!(
            "strict: the options have mistakes: {}",
            listed.join("; ")
        )));
    }
    Ok(lints)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(settings: &[(&str, bool)]) -> Vec<(String, bool)> {
        settings
            .iter()
            .map(|(name, on)| (name.to_string(), *on))
            .collect()
    }

    #[test]
    fn codes_turned_off_are_silenced_and_unknown_names_are_lints() {
        let (silenced, unknown) = silenced_codes(&warnings(&[
            ("CORS_NATIVE_NULL_ORIGIN", false),
            ("CORS_NATIVE_MAX_AGE", true),
            ("CORS_NATIVE_NUL_ORIGIN", false),
        ]));
        assert_eq!(silenced, [Code::NullOrigin]);
        assert_eq!(unknown.len(), 1);
        assert!(
            unknown[0]
                .message
                .starts_with("warnings: \"CORS_NATIVE_NUL_ORIGIN\" is not a cors-native warning code; the codes are CORS_NATIVE_OPTIONS_TYPE, "),
            "{}",
            unknown[0].message
        );
    }

    #[test]
    fn strict_lists_every_lint_left() {
        let lints = vec![
            Lint::new(Code::NullOrigin, "null".into()),
            Lint::new(Code::MaxAge, "soon".into()),
        ];
        assert_eq!(
            reported(lints.clone(), &[Code::NullOrigin], false).unwrap(),
            lints[1..]
        );
        assert_eq!(
            reported(lints, &[], true).unwrap_err().message(),
            "strict: the options have mistakes: CORS_NATIVE_NULL_ORIGIN: null; CORS_NATIVE_MAX_AGE: soon"
        );
        assert_eq!(reported(Vec::new(), &[], true), Ok(Vec::new()));
    }
}
