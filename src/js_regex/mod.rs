//! Translates a JavaScript RegExp (`re.source`, `re.flags`) into an equivalent pattern for the
//! `regex` crate, whose matching time is linear in the input whatever the pattern.
//!
//! Every literal is emitted as `\x{..}`, so no JS escape reaches the `regex` parser with a
//! different meaning. Known gaps, none of which an origin header can reach: JS without the `u`
//! flag sees an astral character as two UTF-16 units; `m` mode's `^`/`$` also treat `\r`,
//! U+2028 and U+2029 as line ends in JS but only `\n` here; `i` folds a few non-ASCII letters
//! (such as U+017F and U+212A) differently.

use std::fmt;
use std::ops::Range;

mod atoms;
pub mod domains;
mod escapes;
pub mod intent;
mod quantifiers;
#[cfg(test)]
mod tests;

pub(crate) use atoms::{Atom, AtomKind};

/// A JavaScript RegExp as configured by the user: `re.source` and `re.flags`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsPattern {
    /// The pattern text, `re.source`.
    pub source: String,
    /// The flag letters, `re.flags`, such as `"i"`.
    pub flags: String,
}

impl JsPattern {
    /// `/source/flags`, as the user wrote it.
    pub fn display(&self) -> String {
        format!("/{}/{}", self.source, self.flags)
    }
}

/// Why a JavaScript pattern cannot be matched natively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedPattern {
    /// The construct in words, such as "a lookahead (?= or (?!", for the error message.
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
    parse(source, flags).map(|parsed| parsed.pattern)
}

/// A JS RegExp read once: its translation and the atoms it was read as.
pub(crate) struct Parsed<'a> {
    /// The pattern for the `regex` crate, as [`translate`] gives it.
    pub(crate) pattern: String,
    /// The source's atoms in order, for code that reasons about how the pattern is written.
    pub(crate) atoms: Vec<Atom<'a>>,
}

/// Reads a JS RegExp: what [`translate`] does, keeping the atoms too.
pub(crate) fn parse<'a>(source: &'a str, flags: &str) -> Result<Parsed<'a>, UnsupportedPattern> {
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
        atoms: Vec::new(),
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
    Ok(Parsed {
        atoms: atoms::texts(source, &translator.atoms),
        pattern: translator.out,
    })
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
    /// What was read so far, by position in `chars`.
    atoms: Vec<(AtomKind, Range<usize>)>,
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

    /// Notes an atom read from `start` up to the current position.
    fn record(&mut self, kind: AtomKind, start: usize) {
        self.atoms.push((kind, start..self.pos));
    }

    /// Alternatives up to the end of the pattern or an unmatched `)`, which the caller handles.
    fn disjunction(&mut self) -> Result<(), UnsupportedPattern> {
        // Whether the last thing emitted can take a quantifier.
        let mut quantifiable = false;
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                ')' => return Ok(()),
                '|' => {
                    self.pos += 1;
                    self.out.push('|');
                    self.record(AtomKind::Alternation, start);
                    quantifiable = false;
                }
                '*' | '+' | '?' => {
                    self.pos += 1;
                    self.quantifier(start, quantifiable, &c.to_string())?;
                    quantifiable = false;
                }
                '{' => match self.braced_quantifier() {
                    Some(quantifier) => {
                        self.quantifier(start, quantifiable, &quantifier)?;
                        quantifiable = false;
                    }
                    None => {
                        self.pos += 1;
                        push_literal(&mut self.out, '{');
                        self.record(AtomKind::Char('{'), start);
                        quantifiable = true;
                    }
                },
                _ => quantifiable = self.term()?,
            }
        }
        Ok(())
    }

    /// One atom or assertion; returns whether a quantifier may follow it.
    fn term(&mut self) -> Result<bool, UnsupportedPattern> {
        let start = self.pos;
        let Some(c) = self.next() else {
            return Ok(false);
        };
        let kind = match c {
            '^' => {
                self.out.push(c);
                AtomKind::Start
            }
            '$' => {
                self.out.push(c);
                AtomKind::End
            }
            '.' => {
                self.out
                    .push_str(if self.mode.dot_all { "(?s:.)" } else { JS_DOT });
                AtomKind::AnyChar
            }
            '(' => {
                self.group(start)?;
                return Ok(true);
            }
            '[' => {
                self.class()?;
                AtomKind::Class
            }
            '\\' => self.atom_escape()?,
            _ => {
                push_literal(&mut self.out, c);
                AtomKind::Char(c)
            }
        };
        self.record(kind, start);
        Ok(!matches!(
            kind,
            AtomKind::Start | AtomKind::End | AtomKind::Boundary
        ))
    }

    /// A group, from after its `(` at `start` to its `)`.
    fn group(&mut self, start: usize) -> Result<(), UnsupportedPattern> {
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
        self.record(AtomKind::GroupStart, start);
        self.out.push_str("(?:");
        self.disjunction()?;
        let end = self.pos;
        if !self.eat(')') {
            return unsupported("an unterminated group");
        }
        self.record(AtomKind::GroupEnd, end);
        self.out.push(')');
        Ok(())
    }
}

fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:x}}}", c as u32));
    }
}
