//! Reads the atoms of an origin RegExp as an origin shape: `^`, a scheme, subdomains, a
//! domain, a port, `/` and `$`, each part optional but the domain. Atoms are compared by how
//! they are written, so that only the plain spellings of an origin are read as one.

use super::shape::{is_local, Intent, Port, Subdomains};
use crate::js_regex::{Atom, AtomKind};

const SCHEMES: &[(&str, &[&str])] = &[
    ("https?://", &["http", "https"]),
    ("(https?)://", &["http", "https"]),
    ("(?:https?)://", &["http", "https"]),
    ("(http|https)://", &["http", "https"]),
    ("(?:http|https)://", &["http", "https"]),
    ("(https|http)://", &["http", "https"]),
    ("(?:https|http)://", &["http", "https"]),
    ("https://", &["https"]),
    ("http://", &["http"]),
];

/// How an atom is written, with `\/` as `/`: a RegExp literal has to escape its slashes.
fn spelling<'a>(atom: &Atom<'a>) -> &'a str {
    match atom.text {
        "\\/" => "/",
        text => text,
    }
}

/// The atoms not read yet.
struct Reader<'a> {
    atoms: &'a [Atom<'a>],
}

impl<'a> Reader<'a> {
    /// Whole atoms spelled `literal`, ASCII case aside.
    fn eat(&mut self, literal: &str) -> bool {
        let mut rest = literal;
        let mut taken = 0;
        while !rest.is_empty() {
            let Some(atom) = self.atoms.get(taken) else {
                return false;
            };
            let spelled = spelling(atom);
            match rest.get(..spelled.len()) {
                Some(head) if head.eq_ignore_ascii_case(spelled) => rest = &rest[spelled.len()..],
                _ => return false,
            }
            taken += 1;
        }
        self.atoms = &self.atoms[taken..];
        true
    }

    /// `?`, `*` or `+`, not lazy.
    fn eat_quantifier(&mut self) -> Option<char> {
        let (quantifier, rest) = self.atoms.split_first()?;
        if quantifier.kind != AtomKind::Quantifier || !matches!(quantifier.text, "?" | "*" | "+") {
            return None;
        }
        self.atoms = rest;
        quantifier.text.chars().next()
    }

    /// A group `(…)` or `(?:…)` without nested groups, and its inner atoms. Named groups are
    /// left unread: no origin shape names its parts.
    fn eat_group(&mut self) -> Option<&'a [Atom<'a>]> {
        let (open, rest) = self.atoms.split_first()?;
        if open.kind != AtomKind::GroupStart || !matches!(open.text, "(" | "(?:") {
            return None;
        }
        let end = rest
            .iter()
            .position(|atom| matches!(atom.kind, AtomKind::GroupStart | AtomKind::GroupEnd))?;
        if rest[end].kind != AtomKind::GroupEnd {
            return None;
        }
        self.atoms = &rest[end + 1..];
        Some(&rest[..end])
    }
}

/// `*`, `+` or `{…}`, not lazy.
fn is_repetition(atom: &Atom) -> bool {
    atom.kind == AtomKind::Quantifier
        && (matches!(atom.text, "*" | "+")
            || (atom.text.starts_with('{') && atom.text.ends_with('}')))
}

/// `.*`, `.+`, `\w+`, `[^.]+`, `[a-z0-9-]+`, …: one or more labels of anything.
fn is_label_wildcard(atoms: &[Atom]) -> bool {
    let [atom, quantifier] = atoms else {
        return false;
    };
    let any_atom = matches!(atom.kind, AtomKind::AnyChar | AtomKind::Class)
        || matches!(atom.text, "\\w" | "\\S");
    any_atom && is_repetition(quantifier)
}

/// `-` or an ASCII letter or digit, written as itself.
fn is_label_char(atom: &Atom) -> bool {
    let mut chars = atom.text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        && chars.next().is_none()
}

/// A label written out, such as `www`, in lower case.
fn literal_label(atoms: &[Atom]) -> Option<String> {
    let label = !atoms.is_empty() && atoms.iter().all(is_label_char);
    label.then(|| {
        atoms
            .iter()
            .map(|atom| atom.text.to_ascii_lowercase())
            .collect()
    })
}

/// What comes before the domain: a group of labels, a wildcard, a leading `\.` or nothing.
fn read_subdomains(
    reader: &mut Reader,
    start_anchored: bool,
    has_scheme: bool,
) -> Option<Subdomains> {
    if let Some(inner) = reader.eat_group() {
        let quantifier = reader.eat_quantifier();
        let optional = matches!(quantifier, Some('?' | '*'));
        let inner_text: String = inner.iter().map(spelling).collect();
        if inner_text == "^|\\." && quantifier.is_none() && !start_anchored && !has_scheme {
            return Some(Subdomains::Any { optional: true });
        }
        let (dot, labels) = inner.split_last()?;
        if !matches!(dot.text, "\\." | ".") {
            return None;
        }
        if is_label_wildcard(labels) {
            return Some(Subdomains::Any { optional });
        }
        let labels: Vec<String> = labels
            .split(|atom| atom.kind == AtomKind::Alternation)
            .map(literal_label)
            .collect::<Option<_>>()?;
        return (quantifier != Some('*')).then_some(Subdomains::Labels { labels, optional });
    }
    if !has_scheme && !start_anchored && reader.eat("\\.") {
        return Some(Subdomains::Any { optional: false });
    }
    // `.*\.`, `[a-z0-9-]+\.`: labels before a dot; `.*` straight before the domain.
    for separator in ["\\.", "."] {
        let atoms = reader.atoms;
        if let Some(end) = atoms.iter().position(|atom| atom.text == separator) {
            let domain_follows = atoms
                .get(end + 1)
                .is_some_and(|next| next.text.starts_with(|c: char| c.is_ascii_alphanumeric()));
            if end > 0 && is_label_wildcard(&atoms[..end]) && domain_follows {
                reader.atoms = &atoms[end + 1..];
                return Some(Subdomains::Any { optional: false });
            }
        }
    }
    for wildcard in [".*", ".+"] {
        if reader.eat(wildcard) {
            return Some(Subdomains::Any { optional: true });
        }
    }
    // `example\.com` with nothing before it matches inside `https://app.example.com` too.
    match has_scheme || start_anchored {
        true => Some(Subdomains::None),
        false => Some(Subdomains::Any { optional: true }),
    }
}

/// The domain, with `\.` and bare `.` between labels read as dots.
fn read_domain(reader: &mut Reader) -> Option<String> {
    let mut domain = String::new();
    while let Some((atom, rest)) = reader.atoms.split_first() {
        let label_follows = rest
            .first()
            .is_some_and(|next| next.text.starts_with(|c: char| c.is_ascii_alphanumeric()));
        match atom.text {
            _ if is_label_char(atom) => domain.push_str(&atom.text.to_ascii_lowercase()),
            "\\-" => domain.push('-'),
            "\\." if !domain.is_empty() => domain.push('.'),
            "." if !domain.is_empty() && label_follows => domain.push('.'),
            _ => break,
        }
        reader.atoms = rest;
    }
    (!domain.is_empty() && !domain.ends_with('.')).then_some(domain)
}

/// `3000`, `\d+`, `[0-9]{2,5}`, …
fn read_port_spec(atoms: &[Atom]) -> Option<Port> {
    let digits = !atoms.is_empty()
        && atoms
            .iter()
            .all(|atom| matches!(atom.text.as_bytes(), [digit] if digit.is_ascii_digit()));
    if digits {
        return Some(Port::Fixed {
            port: atoms.iter().map(|atom| atom.text).collect(),
            optional: false,
        });
    }
    let [digit, quantifier] = atoms else {
        return None;
    };
    let any = matches!(digit.text, "\\d" | "[0-9]") && is_repetition(quantifier);
    any.then_some(Port::Any { optional: false })
}

/// What comes after the domain: `:spec`, an optional `(:spec)?` or nothing.
fn read_port(reader: &mut Reader) -> Option<Port> {
    let saved = reader.atoms;
    if let Some(inner) = reader.eat_group() {
        let spec = inner
            .split_first()
            .filter(|(colon, _)| colon.text == ":")
            .map(|(_, spec)| spec);
        if let (Some(spec), Some('?')) = (spec, reader.eat_quantifier()) {
            return Some(match read_port_spec(spec)? {
                Port::Fixed { port, .. } => Port::Fixed {
                    port,
                    optional: true,
                },
                _ => Port::Any { optional: true },
            });
        }
        reader.atoms = saved;
        return Some(Port::Default);
    }
    if !reader.eat(":") {
        return Some(Port::Default);
    }
    let end = reader
        .atoms
        .iter()
        .position(|atom| {
            matches!(
                atom.kind,
                AtomKind::End | AtomKind::GroupStart | AtomKind::Alternation
            ) || spelling(atom) == "/"
        })
        .unwrap_or(reader.atoms.len());
    let port = read_port_spec(&reader.atoms[..end])?;
    reader.atoms = &reader.atoms[end..];
    Some(port)
}

/// The intent of a RegExp, or None when it is not a plain origin shape.
pub(super) fn read_intent(atoms: &[Atom]) -> Option<Intent> {
    let mut reader = Reader { atoms };
    let start_anchored = reader.eat("^");
    let mut schemes = None;
    for (literal, names) in SCHEMES {
        if reader.eat(literal) {
            schemes = Some(names.to_vec());
            break;
        }
    }
    let has_scheme = schemes.is_some() || reader.eat("://") || reader.eat("//");
    let subdomains = read_subdomains(&mut reader, start_anchored, has_scheme)?;
    let domain = read_domain(&mut reader)?;
    let port = read_port(&mut reader)?;
    // A required trailing slash is read too: the RegExp then never matches, which is reported.
    let _ = reader.eat("/?") || reader.eat("/");
    let end_anchored = reader.eat("$");
    // `/localhost/` means a dev server on any port.
    let port = match port {
        Port::Default if !end_anchored && is_local(&domain) => Port::Any { optional: true },
        port => port,
    };
    reader.atoms.is_empty().then_some(Intent {
        schemes,
        subdomains,
        domain,
        port,
    })
}
