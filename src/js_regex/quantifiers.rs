//! The quantifiers of a JavaScript RegExp: `*`, `+`, `?`, `{n}`, `{n,}` and `{n,m}`, each
//! lazy when followed by `?`.

use super::{unsupported, AtomKind, Translator, UnsupportedPattern};

impl Translator {
    /// A quantifier read from `start`, and its lazy `?` if any.
    pub(super) fn quantifier(
        &mut self,
        start: usize,
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
        self.record(AtomKind::Quantifier, start);
        Ok(())
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position, consumed; otherwise nothing is consumed
    /// and the `{` is a literal (JS without `u`), where `regex` would read `{,n}` as a quantifier.
    pub(super) fn braced_quantifier(&mut self) -> Option<String> {
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
}
