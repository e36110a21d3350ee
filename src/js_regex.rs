//! Translates a JavaScript RegExp (`re.source`, `re.flags`) into an equivalent pattern for the
//! `regex` crate, whose matching time is linear in the input whatever the pattern.
//!
//! Every literal is emitted as `\x{..}`, so no JS escape reaches the `regex` parser with a
//! different meaning. Known gaps, none of which an origin header can reach: JS without the `u`
//! flag sees an astral character as two UTF-16 units; `m` mode's `^`/`$` also treat `\r`,
//! U+2028 and U+2029 as line ends in JS but only `\n` here; `i` folds a few non-ASCII letters
//! (such as U+017F and U+212A) differently.

use std::fmt;

/// Why a JavaScript pattern cannot be matched natively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedPattern {
    pub construct: String,
}

impl fmt::Display for UnsupportedPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.construct)
    }
}

fn unsupported<T>(construct: impl Into<String>) -> Result<T, UnsupportedPattern> {
    Err(UnsupportedPattern {
        construct: construct.into(),
    })
}

/// JS `\s`: WhiteSpace and LineTerminator code points.
const JS_SPACE: &str = r"\x{9}-\x{d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}";
const JS_DIGIT: &str = "0-9";
const JS_WORD: &str = "0-9A-Za-z_";
/// JS `.` without the `s` flag: anything but a line terminator.
const JS_DOT: &str = r"[^\x{a}\x{d}\x{2028}\x{2029}]";
const MATCHES_NOTHING: &str = r"[^\x{0}-\x{10FFFF}]";

/// Translates a JS RegExp to an equivalent pattern for the `regex` crate. `g`, `y` and `d`
/// are ignored: matching is stateless.
pub fn translate(source: &str, flags: &str) -> Result<String, UnsupportedPattern> {
    let mut mode = Mode::default();
    for flag in flags.chars() {
        match flag {
            'i' => mode.ignore_case = true,
            'm' => mode.multi_line = true,
            's' => mode.dot_all = true,
            'u' => mode.unicode = true,
            'g' | 'y' | 'd' => {}
            'v' => return unsupported("the v flag"),
            other => return unsupported(format!("an unknown flag {other:?}")),
        }
    }
    let mut translator = Translator {
        chars: source.chars().collect(),
        pos: 0,
        mode,
        out: String::new(),
    };
    if mode.ignore_case {
        translator.out.push_str("(?i)");
    }
    if mode.multi_line {
        translator.out.push_str("(?m)");
    }
    translator.disjunction()?;
    if translator.pos < translator.chars.len() {
        return unsupported("an unmatched )");
    }
    Ok(translator.out)
}

#[derive(Debug, Clone, Copy, Default)]
struct Mode {
    ignore_case: bool,
    multi_line: bool,
    dot_all: bool,
    unicode: bool,
}

struct Translator {
    chars: Vec<char>,
    pos: usize,
    mode: Mode,
    out: String,
}

/// One element of a character class: a single code point or a set such as `\d`.
enum ClassAtom {
    Char(char),
    Set(String),
}

impl Translator {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += usize::from(c.is_some());
        c
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        self.pos += usize::from(found);
        found
    }

    fn looking_at(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek_at(i) == Some(c))
    }

    /// Alternatives up to the end of the pattern or an unmatched `)`, which the caller handles.
    fn disjunction(&mut self) -> Result<(), UnsupportedPattern> {
        // Whether the last thing emitted can take a quantifier.
        let mut quantifiable = false;
        while let Some(c) = self.peek() {
            match c {
                ')' => return Ok(()),
                '|' => {
                    self.pos += 1;
                    self.out.push('|');
                    quantifiable = false;
                }
                '*' | '+' | '?' => {
                    self.pos += 1;
                    self.quantifier(quantifiable, &c.to_string())?;
                    quantifiable = false;
                }
                '{' => match self.braced_quantifier() {
                    Some(quantifier) => {
                        self.quantifier(quantifiable, &quantifier)?;
                        quantifiable = false;
                    }
                    None => {
                        self.pos += 1;
                        push_literal(&mut self.out, '{');
                        quantifiable = true;
                    }
                },
                _ => quantifiable = self.term()?,
            }
        }
        Ok(())
    }

    fn quantifier(
        &mut self,
        quantifiable: bool,
        quantifier: &str,
    ) -> Result<(), UnsupportedPattern> {
        if !quantifiable {
            return unsupported(format!("a quantifier {quantifier} with nothing to repeat"));
        }
        self.out.push_str(quantifier);
        if self.eat('?') {
            self.out.push('?');
        }
        Ok(())
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position, consumed; otherwise nothing is consumed
    /// and the `{` is a literal (JS without `u`), where `regex` would read `{,n}` as a quantifier.
    fn braced_quantifier(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        let min = self.digits();
        let mut text = format!("{{{min}");
        if !min.is_empty() && self.eat(',') {
            text.push(',');
            text.push_str(&self.digits());
        }
        if !min.is_empty() && self.eat('}') {
            text.push('}');
            return Some(text);
        }
        self.pos = start;
        None
    }

    fn digits(&mut self) -> String {
        let mut digits = String::new();
        while let Some(d) = self.peek().filter(char::is_ascii_digit) {
            digits.push(d);
            self.pos += 1;
        }
        digits
    }

    /// One atom or assertion; returns whether a quantifier may follow it.
    fn term(&mut self) -> Result<bool, UnsupportedPattern> {
        let Some(c) = self.next() else {
            return Ok(false);
        };
        match c {
            '^' | '$' => {
                self.out.push(c);
                Ok(false)
            }
            '.' => {
                self.out
                    .push_str(if self.mode.dot_all { "(?s:.)" } else { JS_DOT });
                Ok(true)
            }
            '(' => {
                self.group()?;
                Ok(true)
            }
            '[' => {
                self.class()?;
                Ok(true)
            }
            '\\' => self.atom_escape(),
            _ => {
                push_literal(&mut self.out, c);
                Ok(true)
            }
        }
    }

    fn group(&mut self) -> Result<(), UnsupportedPattern> {
        if self.eat('?') {
            if self.looking_at("=") || self.looking_at("!") {
                return unsupported("a lookahead (?= or (?!");
            }
            if self.looking_at("<=") || self.looking_at("<!") {
                return unsupported("a lookbehind (?<= or (?<!");
            }
            if self.eat('<') {
                // A named group; names only matter to backreferences, which are refused.
                while let Some(c) = self.next() {
                    if c == '>' {
                        break;
                    }
                }
            } else if !self.eat(':') {
                return unsupported("a group modifier (?...)");
            }
        }
        self.out.push_str("(?:");
        self.disjunction()?;
        if !self.eat(')') {
            return unsupported("an unterminated group");
        }
        self.out.push(')');
        Ok(())
    }

    /// An escape outside a class; returns whether a quantifier may follow it.
    fn atom_escape(&mut self) -> Result<bool, UnsupportedPattern> {
        match self.peek() {
            Some('b') | Some('B') => {
                let boundary = if self.next() == Some('b') {
                    r"(?-u:\b)"
                } else {
                    r"(?-u:\B)"
                };
                self.out.push_str(boundary);
                Ok(false)
            }
            Some('1'..='9') => unsupported("a backreference (\\1 to \\9)"),
            Some('k') if self.peek_at(1) == Some('<') => {
                unsupported("a named backreference (\\k<name>)")
            }
            _ => {
                match self.class_escape()? {
                    ClassAtom::Char(c) => push_literal(&mut self.out, c),
                    ClassAtom::Set(set) => self.out.push_str(&set),
                }
                Ok(true)
            }
        }
    }

    /// The escape after a `\` that means the same inside and outside a class.
    fn class_escape(&mut self) -> Result<ClassAtom, UnsupportedPattern> {
        let Some(c) = self.next() else {
            return unsupported("a trailing backslash");
        };
        Ok(match c {
            'd' => ClassAtom::Set(format!("[{JS_DIGIT}]")),
            'D' => ClassAtom::Set(format!("[^{JS_DIGIT}]")),
            'w' => ClassAtom::Set(format!("[{JS_WORD}]")),
            'W' => ClassAtom::Set(format!("[^{JS_WORD}]")),
            's' => ClassAtom::Set(format!("[{JS_SPACE}]")),
            'S' => ClassAtom::Set(format!("[^{JS_SPACE}]")),
            't' => ClassAtom::Char('\t'),
            'n' => ClassAtom::Char('\n'),
            'v' => ClassAtom::Char('\u{b}'),
            'f' => ClassAtom::Char('\u{c}'),
            'r' => ClassAtom::Char('\r'),
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => ClassAtom::Char('\0'),
            '0'..='9' => return unsupported("an octal escape"),
            'x' => ClassAtom::Char(self.hex_escape(2).unwrap_or('x')),
            'u' => ClassAtom::Char(self.unicode_escape()?),
            'c' => match self.peek().filter(char::is_ascii_alphabetic) {
                Some(letter) => {
                    self.pos += 1;
                    ClassAtom::Char(char::from(letter as u8 % 32))
                }
                // Annex B: `\c` not followed by a letter is a backslash and a `c`.
                None => {
                    self.pos -= 1;
                    ClassAtom::Char('\\')
                }
            },
            'p' | 'P' if self.mode.unicode => ClassAtom::Set(self.property(c)?),
            other => ClassAtom::Char(other),
        })
    }

    /// Exactly `count` hex digits, consumed; `None` (nothing consumed) otherwise.
    fn hex_digits(&mut self, count: usize) -> Option<u32> {
        let digits: String = (0..count).filter_map(|i| self.peek_at(i)).collect();
        if digits.chars().count() != count || !digits.chars().all(|d| d.is_ascii_hexdigit()) {
            return None;
        }
        let value = u32::from_str_radix(&digits, 16).ok()?;
        self.pos += count;
        Some(value)
    }

    /// `\xHH`: two hex digits are always a valid character.
    fn hex_escape(&mut self, count: usize) -> Option<char> {
        self.hex_digits(count).and_then(char::from_u32)
    }

    fn unicode_escape(&mut self) -> Result<char, UnsupportedPattern> {
        if self.mode.unicode && self.peek() == Some('{') {
            let end = (self.pos..self.chars.len()).find(|&i| self.chars[i] == '}');
            let Some(end) = end else {
                return unsupported("an unterminated \\u{...} escape");
            };
            let digits: String = self.chars[self.pos + 1..end].iter().collect();
            self.pos = end + 1;
            return u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
                .map_or_else(
                    || unsupported(format!("an invalid escape \\u{{{digits}}}")),
                    Ok,
                );
        }
        let start = self.pos;
        let Some(unit) = self.hex_unit() else {
            return Ok('u');
        };
        if !(0xD800..=0xDFFF).contains(&unit) {
            return Ok(char::from_u32(unit).unwrap_or('\u{fffd}'));
        }
        // A surrogate pair written as two escapes is one character in a Rust string.
        if (0xD800..=0xDBFF).contains(&unit) && self.looking_at("\\u") {
            self.pos += 2;
            if let Some(low @ 0xDC00..=0xDFFF) = self.hex_unit() {
                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
        }
        self.pos = start;
        unsupported("a lone surrogate escape (\\uD800 to \\uDFFF)")
    }

    fn hex_unit(&mut self) -> Option<u32> {
        self.hex_digits(4)
    }

    /// `\p{...}` or `\P{...}` (with the `u` flag); the `regex` crate knows the same names.
    fn property(&mut self, kind: char) -> Result<String, UnsupportedPattern> {
        if !self.eat('{') {
            return unsupported("a \\p escape without {...}");
        }
        let mut name = String::new();
        loop {
            match self.next() {
                Some('}') => break,
                Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '=' => name.push(c),
                _ => return unsupported("a malformed \\p{...} escape"),
            }
        }
        Ok(format!("\\{kind}{{{name}}}"))
    }

    /// A class, from after its `[` to its `]`.
    fn class(&mut self) -> Result<(), UnsupportedPattern> {
        let negated = self.eat('^');
        if self.eat(']') {
            // JS: `[]` matches nothing and `[^]` matches anything.
            self.out
                .push_str(if negated { "(?s:.)" } else { MATCHES_NOTHING });
            return Ok(());
        }
        let mut body = String::new();
        loop {
            let atom = match self.next() {
                None => return unsupported("an unterminated character class"),
                Some(']') => break,
                Some(c) => self.class_atom(c)?,
            };
            let is_range = self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']');
            if !is_range {
                push_class_atom(&mut body, atom);
                continue;
            }
            self.pos += 1;
            let Some(c) = self.next() else {
                return unsupported("an unterminated character class");
            };
            match (atom, self.class_atom(c)?) {
                (ClassAtom::Char(low), ClassAtom::Char(high)) => {
                    if low > high {
                        return unsupported("a class range out of order");
                    }
                    push_literal(&mut body, low);
                    body.push('-');
                    push_literal(&mut body, high);
                }
                // Annex B: a range with a set at either end is the set, a `-` and the other end.
                (low, high) => {
                    push_class_atom(&mut body, low);
                    push_literal(&mut body, '-');
                    push_class_atom(&mut body, high);
                }
            }
        }
        self.out.push('[');
        if negated {
            self.out.push('^');
        }
        self.out.push_str(&body);
        self.out.push(']');
        Ok(())
    }

    fn class_atom(&mut self, c: char) -> Result<ClassAtom, UnsupportedPattern> {
        if c != '\\' {
            return Ok(ClassAtom::Char(c));
        }
        match self.peek() {
            Some('b') => {
                self.pos += 1;
                Ok(ClassAtom::Char('\u{8}'))
            }
            Some('-') => {
                self.pos += 1;
                Ok(ClassAtom::Char('-'))
            }
            _ => self.class_escape(),
        }
    }
}

/// Inside a Rust class a set is written as a nested class, which unions with the rest.
fn push_class_atom(body: &mut String, atom: ClassAtom) {
    match atom {
        ClassAtom::Char(c) => push_literal(body, c),
        ClassAtom::Set(set) => body.push_str(&set),
    }
}

fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:x}}}", c as u32));
    }
}

#[cfg(test)]
mod tests {
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
}
