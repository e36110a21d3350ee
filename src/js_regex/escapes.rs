//! The escapes and character classes of a JavaScript RegExp, translated for the `regex` crate.

use super::{
    push_literal, unsupported, AtomKind, ClassAtom, Translator, UnsupportedPattern, JS_DIGIT,
    JS_SPACE, JS_WORD, MATCHES_NOTHING,
};

impl Translator {
    /// An escape outside a class, from after its backslash.
    pub(super) fn atom_escape(&mut self) -> Result<AtomKind, UnsupportedPattern> {
        match self.peek() {
            Some('b') | Some('B') => {
                let boundary = if self.next() == Some('b') {
                    r"(?-u:\b)"
                } else {
                    r"(?-u:\B)"
                };
                self.out.push_str(boundary);
                Ok(AtomKind::Boundary)
            }
            Some('1'..='9') => unsupported("a backreference (\\1 to \\9)"),
            Some('k') if self.peek_at(1) == Some('<') => {
                unsupported("a named backreference (\\k<name>)")
            }
            _ => Ok(match self.class_escape()? {
                ClassAtom::Char(c) => {
                    push_literal(&mut self.out, c);
                    AtomKind::Char(c)
                }
                ClassAtom::Set(set) => {
                    self.out.push_str(&set);
                    AtomKind::Set
                }
            }),
        }
    }

    /// The escape after a `\` that means the same inside and outside a class.
    pub(super) fn class_escape(&mut self) -> Result<ClassAtom, UnsupportedPattern> {
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
    pub(super) fn hex_digits(&mut self, count: usize) -> Option<u32> {
        let digits: String = (0..count).filter_map(|i| self.peek_at(i)).collect();
        if digits.chars().count() != count || !digits.chars().all(|d| d.is_ascii_hexdigit()) {
            return None;
        }
        let value = u32::from_str_radix(&digits, 16).ok()?;
        self.pos += count;
        Some(value)
    }

    /// `\xHH`: two hex digits are always a valid character.
    pub(super) fn hex_escape(&mut self, count: usize) -> Option<char> {
        self.hex_digits(count).and_then(char::from_u32)
    }

    pub(super) fn unicode_escape(&mut self) -> Result<char, UnsupportedPattern> {
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

    pub(super) fn hex_unit(&mut self) -> Option<u32> {
        self.hex_digits(4)
    }

    /// `\p{...}` or `\P{...}` (with the `u` flag); the `regex` crate knows the same names.
    pub(super) fn property(&mut self, kind: char) -> Result<String, UnsupportedPattern> {
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
    pub(super) fn class(&mut self) -> Result<(), UnsupportedPattern> {
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

    pub(super) fn class_atom(&mut self, c: char) -> Result<ClassAtom, UnsupportedPattern> {
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
