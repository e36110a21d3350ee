//! The atoms a JavaScript RegExp is read as, each with the source text it was read from, for
//! code that reasons about how a pattern is written rather than what it matches.

use std::ops::Range;

/// What an atom of a JS RegExp is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AtomKind {
    /// `^`.
    Start,
    /// `$`.
    End,
    /// `\b` or `\B`.
    Boundary,
    /// `.`.
    AnyChar,
    /// One character, written as itself or as an escape (`a`, `\.`, `\x41`, `\uD83D\uDE00`).
    Char(char),
    /// A set escape: `\d`, `\D`, `\w`, `\W`, `\s`, `\S`, `\p{…}`, `\P{…}`.
    Set,
    /// A whole character class, `[` to `]`.
    Class,
    /// `(`, `(?:` or `(?<name>`.
    GroupStart,
    /// The `)` that closes a group.
    GroupEnd,
    /// `|`.
    Alternation,
    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`, with its lazy `?` if any.
    Quantifier,
}

/// One atom of a JS RegExp. A pattern's atoms, in order, spell out its whole source; a group
/// is a `GroupStart`, the group's own atoms and a `GroupEnd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Atom<'a> {
    pub(crate) kind: AtomKind,
    /// The source text of the atom, so that `.` and `\.`, or `a` and `\x61`, stay apart.
    pub(crate) text: &'a str,
}

/// The atoms recorded by position in `source`'s characters, with their text.
pub(super) fn texts<'a>(source: &'a str, recorded: &[(AtomKind, Range<usize>)]) -> Vec<Atom<'a>> {
    let offsets: Vec<usize> = source
        .char_indices()
        .map(|(offset, _)| offset)
        .chain([source.len()])
        .collect();
    recorded
        .iter()
        .map(|(kind, chars)| Atom {
            kind: *kind,
            text: &source[offsets[chars.start]..offsets[chars.end]],
        })
        .collect()
}
