//! What an origin RegExp evidently means (scheme, subdomains, domain, port), read from its
//! source. With the intent known, the origins the RegExp wrongly lets in are named, each one
//! checked against the RegExp itself, and a safer spelling is suggested: origin entries such
//! as "https://*.example.com" where the intent is clear, an anchored RegExp otherwise.

use crate::js_regex::translate;
use regex::Regex;

/// The problems found in an origin RegExp and the entries to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexAdvice {
    /// Each a sentence naming an origin the RegExp matches and should not.
    pub problems: Vec<String>,
    /// Origin entries (strings, patterns or one `/…/flags` RegExp) that mean what was meant.
    pub suggestion: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Subdomains {
    None,
    Any { optional: bool },
    Labels { labels: Vec<String>, optional: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Port {
    Default,
    Any { optional: bool },
    Fixed { port: String, optional: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Intent {
    /// None when the RegExp does not restrict the scheme.
    schemes: Option<Vec<&'static str>>,
    subdomains: Subdomains,
    domain: String,
    port: Port,
}

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

struct Reader<'a> {
    text: &'a str,
}

impl<'a> Reader<'a> {
    fn eat(&mut self, literal: &str) -> bool {
        let head = self.text.get(..literal.len());
        if head.is_some_and(|head| head.eq_ignore_ascii_case(literal)) {
            self.text = &self.text[literal.len()..];
            true
        } else {
            false
        }
    }

    fn eat_quantifier(&mut self) -> Option<char> {
        let c = self
            .text
            .chars()
            .next()
            .filter(|c| matches!(c, '?' | '*' | '+'))?;
        self.text = &self.text[1..];
        Some(c)
    }

    /// A group `(…)` or `(?:…)` and its inner text, without nested groups.
    fn eat_group(&mut self) -> Option<&'a str> {
        let rest = self.text.strip_prefix('(')?;
        let end = rest.find(')')?;
        let inner = &rest[..end];
        if inner.contains('(') {
            return None;
        }
        self.text = &rest[end + 1..];
        Some(inner.strip_prefix("?:").unwrap_or(inner))
    }
}

/// `.*`, `.+`, `\w+`, `[^.]+`, `[a-z0-9-]+`, …: one or more labels of anything.
fn is_label_wildcard(text: &str) -> bool {
    let atom_end = if text.starts_with('[') {
        match text.find(']') {
            Some(end) => end + 1,
            None => return false,
        }
    } else if text.starts_with('\\') {
        2
    } else {
        1
    };
    let (atom, quantifier) = text.split_at(atom_end.min(text.len()));
    let any_atom = atom == "." || atom == "\\w" || atom == "\\S" || atom.starts_with('[');
    let repeated = matches!(quantifier, "*" | "+")
        || (quantifier.starts_with('{') && quantifier.ends_with('}'));
    any_atom && repeated
}

fn is_literal_label(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn read_subdomains(
    reader: &mut Reader,
    start_anchored: bool,
    has_scheme: bool,
) -> Option<Subdomains> {
    let saved = reader.text;
    if let Some(inner) = reader.eat_group() {
        let quantifier = reader.eat_quantifier();
        let optional = matches!(quantifier, Some('?' | '*'));
        if inner == "^|\\." && quantifier.is_none() && !start_anchored && !has_scheme {
            return Some(Subdomains::Any { optional: true });
        }
        let labels = inner
            .strip_suffix("\\.")
            .or_else(|| inner.strip_suffix('.'));
        if let Some(labels) = labels {
            if is_label_wildcard(labels) {
                return Some(Subdomains::Any { optional });
            }
            let alternatives: Vec<String> =
                labels.split('|').map(str::to_ascii_lowercase).collect();
            if alternatives.iter().all(|label| is_literal_label(label)) && quantifier != Some('*') {
                return Some(Subdomains::Labels {
                    labels: alternatives,
                    optional,
                });
            }
        }
        reader.text = saved;
        return None;
    }
    if !has_scheme && !start_anchored && reader.eat("\\.") {
        return Some(Subdomains::Any { optional: false });
    }
    // `.*\.`, `[a-z0-9-]+\.`: labels before a dot; `.*` straight before the domain.
    for separator in ["\\.", "."] {
        if let Some(end) = reader.text.find(separator) {
            if end > 0 && is_label_wildcard(&reader.text[..end]) {
                let after = &reader.text[end + separator.len()..];
                if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    reader.text = after;
                    return Some(Subdomains::Any { optional: false });
                }
            }
        }
    }
    for wildcard in [".*", ".+"] {
        if reader.eat(wildcard) {
            return Some(Subdomains::Any { optional: true });
        }
    }
    Some(Subdomains::None)
}

/// The domain, with `\.` and bare `.` between labels read as dots.
fn read_domain(reader: &mut Reader) -> Option<String> {
    let mut domain = String::new();
    loop {
        let rest = reader.text;
        let next = rest.chars().next();
        if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-') {
            domain.push(next?.to_ascii_lowercase());
            reader.text = &rest[1..];
        } else if rest.starts_with("\\-") {
            domain.push('-');
            reader.text = &rest[2..];
        } else if rest.starts_with("\\.") && !domain.is_empty() {
            domain.push('.');
            reader.text = &rest[2..];
        } else if rest.starts_with('.')
            && !domain.is_empty()
            && rest[1..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            domain.push('.');
            reader.text = &rest[1..];
        } else {
            break;
        }
    }
    (!domain.is_empty() && !domain.ends_with('.')).then_some(domain)
}

fn read_port_spec(text: &str) -> Option<Port> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Port::Fixed {
            port: text.to_string(),
            optional: false,
        });
    }
    let quantifier = text
        .strip_prefix("\\d")
        .or_else(|| text.strip_prefix("[0-9]"))?;
    let repeated = matches!(quantifier, "+" | "*")
        || (quantifier.starts_with('{') && quantifier.ends_with('}'));
    repeated.then_some(Port::Any { optional: false })
}

fn read_port(reader: &mut Reader) -> Option<Port> {
    let saved = reader.text;
    if let Some(inner) = reader.eat_group() {
        if let (Some(spec), Some('?')) = (inner.strip_prefix(':'), reader.eat_quantifier()) {
            return match read_port_spec(spec)? {
                Port::Any { .. } => Some(Port::Any { optional: true }),
                Port::Fixed { port, .. } => Some(Port::Fixed {
                    port,
                    optional: true,
                }),
                Port::Default => None,
            };
        }
        reader.text = saved;
        return Some(Port::Default);
    }
    if !reader.eat(":") {
        return Some(Port::Default);
    }
    let end = reader
        .text
        .find(['$', '/', '(', '|'])
        .unwrap_or(reader.text.len());
    let port = read_port_spec(&reader.text[..end])?;
    reader.text = &reader.text[end..];
    Some(port)
}

/// The intent of a RegExp source, or None when it is not a plain origin shape.
fn read_intent(source: &str) -> Option<Intent> {
    let normalized = source.replace("\\/", "/");
    let mut reader = Reader { text: &normalized };
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
    reader.text.is_empty().then_some(Intent {
        schemes,
        subdomains,
        domain,
        port,
    })
}

fn is_local(domain: &str) -> bool {
    domain == "localhost" || domain.ends_with(".localhost") || domain == "127.0.0.1"
}

impl Intent {
    fn schemes(&self) -> Vec<&'static str> {
        match &self.schemes {
            Some(schemes) => schemes.clone(),
            None if is_local(&self.domain) => vec!["http"],
            None => vec!["https"],
        }
    }

    fn hosts(&self) -> Vec<String> {
        let domain = &self.domain;
        match &self.subdomains {
            Subdomains::None => vec![domain.clone()],
            Subdomains::Any { optional: true } => vec![domain.clone(), format!("*.{domain}")],
            Subdomains::Any { optional: false } => vec![format!("*.{domain}")],
            Subdomains::Labels { labels, optional } => {
                let mut hosts: Vec<String> = if *optional {
                    vec![domain.clone()]
                } else {
                    Vec::new()
                };
                hosts.extend(labels.iter().map(|label| format!("{label}.{domain}")));
                hosts
            }
        }
    }

    fn ports(&self) -> Vec<String> {
        match &self.port {
            Port::Default => vec![String::new()],
            Port::Any { optional } => [(*optional).then(String::new), Some(":*".into())]
                .into_iter()
                .flatten()
                .collect(),
            Port::Fixed { port, optional } => {
                [(*optional).then(String::new), Some(format!(":{port}"))]
                    .into_iter()
                    .flatten()
                    .collect()
            }
        }
    }

    fn entries(&self) -> Vec<String> {
        let mut entries = Vec::new();
        for scheme in self.schemes() {
            for host in self.hosts() {
                for port in self.ports() {
                    entries.push(format!("{scheme}://{host}{port}"));
                }
            }
        }
        entries
    }

    /// Origins the RegExp is meant to allow: its entries with the wildcards filled in.
    fn samples(&self) -> Vec<String> {
        self.entries()
            .iter()
            .map(|entry| entry.replace("*.", "app.").replace(":*", ":3000"))
            .collect()
    }

    /// Hosts the RegExp is meant to allow, to build look-alikes from.
    fn sample_hosts(&self) -> Vec<String> {
        self.hosts()
            .iter()
            .map(|host| host.replace("*.", "app."))
            .collect()
    }

    /// The port part of the origins the RegExp is meant to allow.
    fn sample_port(&self) -> String {
        match &self.port {
            Port::Fixed {
                port,
                optional: false,
            } => format!(":{port}"),
            Port::Any { optional: false } => ":3000".into(),
            _ => String::new(),
        }
    }

    /// Origins an attacker could own or serve that a RegExp with this intent must refuse.
    fn attacker_origins(&self) -> Vec<(String, &'static str)> {
        let schemes = self.schemes();
        let scheme = schemes[schemes.len() - 1];
        let port = self.sample_port();
        let mut origins = vec![(
            format!("{scheme}://evil{}{port}", self.domain),
            "a domain that merely ends with yours",
        )];
        for host in self.sample_hosts() {
            origins.push((
                format!("{scheme}://{host}.evil.net{port}"),
                "a domain that merely starts with yours",
            ));
            for (index, _) in host.match_indices('.') {
                let look_alike = format!("{}x{}", &host[..index], &host[index + 1..]);
                origins.push((
                    format!("{scheme}://{look_alike}{port}"),
                    "an unescaped \".\" matches any character",
                ));
            }
            if schemes == ["https"] {
                origins.push((
                    format!("http://{host}{port}"),
                    "plain http, which anyone on the network can answer",
                ));
            }
            if self.port == Port::Default {
                origins.push((format!("{scheme}://{host}:8443"), "any other port"));
            }
        }
        origins.push(("https://evil.net".into(), "any other website"));
        origins
    }
}

/// Escapes every `.` that stands between two label characters, the literal dots of a domain;
/// dots used as wildcards (`.*`, `(.+\.)`) are left alone.
fn escape_label_dots(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 4);
    let mut escaped = false;
    for (index, &c) in chars.iter().enumerate() {
        let label = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_alphanumeric() || *c == '-');
        if c == '.'
            && !escaped
            && index > 0
            && label(chars.get(index - 1))
            && label(chars.get(index + 1))
        {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

fn compile(source: &str, flags: &str) -> Option<Regex> {
    Regex::new(&translate(source, flags).ok()?).ok()
}

/// The problems of an origin RegExp and what to write instead, or None when it is sound.
pub fn advise(source: &str, flags: &str) -> Option<RegexAdvice> {
    let regex = compile(source, flags)?;
    let advice = match read_intent(source) {
        Some(intent) => RegexAdvice {
            problems: intent_problems(&intent, &regex),
            suggestion: intent.entries(),
        },
        None => unclear_advice(source, flags, &regex),
    };
    (!advice.problems.is_empty()).then_some(advice)
}

fn intent_problems(intent: &Intent, regex: &Regex) -> Vec<String> {
    let mut matched: Vec<(&str, Vec<String>)> = Vec::new();
    for (origin, why) in intent.attacker_origins() {
        if !regex.is_match(&origin) {
            continue;
        }
        match matched.iter_mut().find(|(reason, _)| *reason == why) {
            Some((_, origins)) => origins.push(origin),
            None => matched.push((why, vec![origin])),
        }
    }
    let mut problems: Vec<String> = matched
        .into_iter()
        .map(|(why, origins)| format!("it also matches {} ({why})", origins.join(" and ")))
        .collect();
    let missed: Vec<String> = intent
        .samples()
        .into_iter()
        .filter(|sample| !regex.is_match(sample))
        .collect();
    if !missed.is_empty() {
        problems.push(format!(
            "it does not match {}, which it seems meant for (browsers send scheme://host[:port], nothing before or after)",
            missed.join(" or ")
        ));
    }
    problems
}

/// For a RegExp whose intent cannot be read: only what is certain, and a RegExp fix only
/// when the RegExp is anchored (then escaping its label dots keeps its meaning).
fn unclear_advice(source: &str, flags: &str, regex: &Regex) -> RegexAdvice {
    let mut problems = Vec::new();
    if regex.is_match("https://evil.net") {
        problems.push("it also matches https://evil.net (any other website)".to_string());
    }
    let anchored = source.starts_with('^') && source.ends_with('$') && !source.ends_with("\\$");
    if !anchored {
        problems.push("it is not anchored with ^ and $, so it matches any origin that merely contains a match; match the whole origin, or list origin patterns such as \"https://*.example.com\"".into());
    }
    let escaped = escape_label_dots(source);
    let mut suggestion = Vec::new();
    if escaped != source {
        problems.push("an unescaped \".\" between labels matches any character".into());
        if anchored {
            suggestion.push(format!("/{escaped}/{flags}"));
        }
    }
    RegexAdvice {
        problems,
        suggestion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion(source: &str) -> Vec<String> {
        advise(source, "")
            .map(|advice| advice.suggestion)
            .unwrap_or_default()
    }

    #[test]
    fn clear_intents_become_origin_entries() {
        assert_eq!(
            suggestion(r"^https:\/\/.*\.example.com$"),
            ["https://*.example.com"]
        );
        assert_eq!(
            suggestion(r":\/\/(.+\.)?example.com$"),
            ["https://example.com", "https://*.example.com"]
        );
        assert_eq!(suggestion(r"example\.com$"), ["https://example.com"]);
        assert_eq!(suggestion(r"\.example\.com$"), ["https://*.example.com"]);
        assert_eq!(
            suggestion("localhost"),
            ["http://localhost", "http://localhost:*"]
        );
        assert_eq!(
            suggestion(r"\.localhost(:\d+)?"),
            ["http://*.localhost", "http://*.localhost:*"]
        );
        assert_eq!(
            suggestion(r"^https?:\/\/(www\.)?example.com"),
            [
                "http://example.com",
                "http://www.example.com",
                "https://example.com",
                "https://www.example.com"
            ]
        );
    }

    #[test]
    fn sound_regexps_get_no_advice() {
        for source in [
            r"^https:\/\/([a-z0-9-]+\.)*example\.com$",
            r"^http:\/\/localhost:\d+$",
            r"^https:\/\/(app|admin)\.example\.com$",
            r"^https:\/\/example\.com$",
        ] {
            assert_eq!(advise(source, ""), None, "{source}");
        }
    }

    #[test]
    fn every_claim_is_checked_against_the_regexp() {
        let advice = advise(r"\.example\.com$", "").unwrap();
        assert!(
            advice
                .problems
                .iter()
                .all(|problem| !problem.contains(".evil.net")),
            "{advice:?}"
        );
        assert!(
            advice
                .problems
                .iter()
                .any(|problem| problem.contains("http://app.example.com")),
            "{advice:?}"
        );
    }

    #[test]
    fn unclear_regexps_are_anchored_and_their_label_dots_escaped() {
        let advice = advise("^", "").unwrap();
        assert!(advice.problems[0].contains("https://evil.net"));
        assert_eq!(
            escape_label_dots(r"^https://.*\.example.com$"),
            r"^https://.*\.example\.com$"
        );
        assert_eq!(escape_label_dots(r"(.+\.)?a.b"), r"(.+\.)?a\.b");
    }
}
