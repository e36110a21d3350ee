//! The translation checked against what V8 matches, construct by construct.

use super::*;
use regex::Regex;

fn compiled(source: &str, flags: &str) -> Regex {
    let pattern = translate(source, flags).unwrap_or_else(|e| panic!("/{source}/{flags}: {e}"));
    Regex::new(&pattern).unwrap_or_else(|e| panic!("/{source}/{flags} -> {pattern}: {e}"))
}

/// (source, flags, input, what `new RegExp(source, flags).test(input)` gives in Node 20).
const CASES: &[(&str, &str, &str, bool)] = &[
    (
        r"^https:\/\/.*\.example\.com$",
        "",
        "https://a.example.com",
        true,
    ),
    (
        r"^https:\/\/.*\.example\.com$",
        "",
        "https://a.example.com.evil.net",
        false,
    ),
    (r"example\.com", "", "https://example.com.evil.net", true),
    (r"example\.com", "", "https://exampleXcom", false),
    (r"example.com", "", "https://exampleXcom", true),
    (r"^https://a\.example$", "i", "HTTPS://A.EXAMPLE", true),
    (r"^https://a\.example$", "", "HTTPS://A.EXAMPLE", false),
    (r"^a.b$", "", "a\nb", false),
    (r"^a.b$", "", "a\rb", false),
    (r"^a.b$", "s", "a\nb", true),
    (r"^\d+$", "", "123", true),
    (r"^\d+$", "", "١٢٣", false),
    (r"^\w+$", "", "é", false),
    (r"^\w+$", "", "a_1", true),
    (r"^\s$", "", "\u{a0}", true),
    (r"^\S$", "", "\u{a0}", false),
    (r"\bfoo\b", "", "a foo b", true),
    (r"\bfoo\b", "", "éfooé", true),
    (r"\Bfoo", "", "afoo", true),
    (r"^a{2}$", "", "aa", true),
    (r"^a{2,}$", "", "aaa", true),
    (r"^a{1,2}$", "", "aaa", false),
    (r"^a{,2}$", "", "a{,2}", true),
    (r"^{$", "", "{", true),
    (r"^a{x}$", "", "a{x}", true),
    (r"^a}$", "", "a}", true),
    (r"^]$", "", "]", true),
    (r"^a+?$", "", "aaa", true),
    (r"^(?:ab)+$", "", "abab", true),
    (r"^(ab|cd)$", "", "cd", true),
    (r"^(?<host>[a-z]+)\.example$", "", "app.example", true),
    (r"^[a-z0-9-]+$", "", "a-1", true),
    (r"^[^a-z]+$", "", "ABC", true),
    (r"^[\d.]+$", "", "1.2", true),
    (r"^[\w-]+$", "", "a-b_c", true),
    (r"^[\d-z]+$", "", "1-z", true),
    (r"^[\d-z]+$", "", "y", false),
    (r"^[[]$", "", "[", true),
    (r"^[a&&b]+$", "", "&", true),
    (r"^[\b]$", "", "\u{8}", true),
    (r"^[\-]$", "", "-", true),
    (r"[]", "", "anything", false),
    (r"^[^]$", "", "\n", true),
    (r"^\x41\u0042$", "", "AB", true),
    (r"^\u{1F600}$", "u", "\u{1F600}", true),
    (r"^\uD83D\uDE00$", "", "\u{1F600}", true),
    (r"^\cJ$", "", "\n", true),
    (r"^\c$", "", "\\c", true),
    (r"^\0$", "", "\0", true),
    (r"^\/\.\-\$$", "", "/.-$", true),
    (r"^\a\e\q$", "", "aeq", true),
    (r"^\p{L}+$", "u", "éa", true),
    (r"^\p{L}+$", "", "p{L}", true),
    (r"^\x4$", "", "x4", true),
    (r"^a$", "m", "b\na", true),
    (r"^a$", "", "b\na", false),
    (r"^a$", "gy", "a", true),
    (r"^(a+)+$", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", false),
    (r"", "", "x", true),
    (
        r"^https:\/\/([a-z0-9-]+\.)*example\.com$",
        "",
        "https://a.b.example.com",
        true,
    ),
    (
        r"^https:\/\/([a-z0-9-]+\.)*example\.com$",
        "",
        "https://evilexample.com",
        false,
    ),
];

#[test]
fn translated_patterns_match_like_javascript() {
    for &(source, flags, input, expected) in CASES {
        assert_eq!(
            compiled(source, flags).is_match(input),
            expected,
            "/{source}/{flags} on {input:?}"
        );
    }
}

#[test]
fn constructs_without_a_linear_time_equivalent_are_refused_by_name() {
    let refused = [
        (r"^(a)\1$", "backreference"),
        (r"^(?<x>a)\k<x>$", "named backreference"),
        (r"^a(?=b)", "lookahead"),
        (r"^a(?!b)", "lookahead"),
        (r"(?<=a)b", "lookbehind"),
        (r"(?<!a)b", "lookbehind"),
        (r"\07", "octal"),
        (r"(a", "unterminated group"),
        (r"[a", "unterminated character class"),
        (r"a\", "trailing backslash"),
        (r"*a", "nothing to repeat"),
        (r"[z-a]", "out of order"),
        (r"\uD800", "lone surrogate"),
        (r"^a)$", "unmatched )"),
    ];
    for (source, construct) in refused {
        let error = translate(source, "").unwrap_err();
        assert!(error.construct.contains(construct), "/{source}/: {error}");
    }
    assert!(translate("a", "v").is_err());
    assert!(translate("a", "x").is_err());
}

#[test]
fn hostile_input_never_panics() {
    let inputs = [
        "\\",
        "[",
        "(",
        "(?",
        "(?<",
        "{",
        "{1",
        "{1,",
        "\\u{",
        "\\u{110000}",
        "\\x",
        "\\c",
        "[\\",
        "[a-",
        "\\p{",
        "é\\é[é-ü]",
    ];
    for source in inputs {
        for flags in ["", "u", "i"] {
            let _ = translate(source, flags);
        }
    }
    let long = "(a|b)*".repeat(10_000);
    assert!(translate(&long, "").is_ok());
}

#[test]
fn atoms_spell_out_the_source_as_parsed() {
    use AtomKind::*;
    let kinds = |source: &str| -> Vec<(AtomKind, String)> {
        let parsed = parse(source, "u").unwrap();
        let spelled: String = parsed.atoms.iter().map(|atom| atom.text).collect();
        assert_eq!(spelled, source);
        parsed
            .atoms
            .iter()
            .map(|atom| (atom.kind, atom.text.to_string()))
            .collect()
    };
    let expected = [
        (Start, "^"),
        (GroupStart, "(?:"),
        (Char('é'), "é"),
        (Alternation, "|"),
        (Char('.'), r"\."),
        (GroupEnd, ")"),
        (Quantifier, "+?"),
        (Class, r"[^\].]"),
        (Quantifier, "{2,5}"),
        (Set, r"\p{L}"),
        (Boundary, r"\b"),
        (AnyChar, "."),
        (Char('{'), "{"),
        (Char(','), ","),
        (Char('}'), "}"),
        (Char('\u{1F600}'), r"\uD83D\uDE00"),
        (GroupStart, "(?<port>"),
        (Char('/'), r"\/"),
        (GroupEnd, ")"),
        (End, "$"),
    ];
    let source: String = expected.iter().map(|(_, text)| *text).collect();
    let expected: Vec<(AtomKind, String)> = expected
        .iter()
        .map(|(kind, text)| (*kind, text.to_string()))
        .collect();
    assert_eq!(kinds(&source), expected);
}
