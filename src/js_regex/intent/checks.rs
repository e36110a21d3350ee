//! The problems of an origin RegExp, each claim checked against the RegExp itself: the
//! origins it wrongly lets in and the ones it misses.

use regex::Regex;

use super::shape::{Intent, Port};
use super::suggest::entries;
use crate::js_regex::{Atom, AtomKind};

/// Origins the RegExp is meant to allow: its entries with the wildcards filled in.
fn samples(intent: &Intent) -> Vec<String> {
    entries(intent)
        .iter()
        .map(|entry| entry.replace("*.", "app.").replace(":*", ":3000"))
        .collect()
}

/// Hosts the RegExp is meant to allow, to build look-alikes from.
fn sample_hosts(intent: &Intent) -> Vec<String> {
    intent
        .hosts()
        .iter()
        .map(|host| host.replace("*.", "app."))
        .collect()
}

/// The port part of the origins the RegExp is meant to allow.
fn sample_port(intent: &Intent) -> String {
    match &intent.port {
        Port::Fixed {
            port,
            optional: false,
        } => format!(":{port}"),
        Port::Any { optional: false } => ":3000".into(),
        _ => String::new(),
    }
}

/// Origins an attacker could own or serve that a RegExp with this intent must refuse.
fn attacker_origins(intent: &Intent) -> Vec<(String, &'static str)> {
    let schemes = intent.schemes();
    let scheme = schemes[schemes.len() - 1];
    let port = sample_port(intent);
    let mut origins = vec![(
        format!("{scheme}://evil{}{port}", intent.domain),
        "a domain that merely ends with yours",
    )];
    for host in sample_hosts(intent) {
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
        if intent.port == Port::Default {
            origins.push((format!("{scheme}://{host}:8443"), "any other port"));
        }
    }
    origins.push(("https://evil.net".into(), "any other website"));
    origins
}

/// The attacker origins the RegExp matches, grouped by why they are wrong, and the intended
/// origins it misses.
pub(super) fn intent_problems(intent: &Intent, regex: &Regex) -> Vec<String> {
    let mut matched: Vec<(&str, Vec<String>)> = Vec::new();
    for (origin, why) in attacker_origins(intent) {
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
    let missed: Vec<String> = samples(intent)
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

/// Whether the RegExp starts with `^` and ends with `$`.
pub(super) fn is_anchored(atoms: &[Atom]) -> bool {
    atoms
        .first()
        .is_some_and(|atom| atom.kind == AtomKind::Start)
        && atoms.last().is_some_and(|atom| atom.kind == AtomKind::End)
}

/// For a RegExp whose intent cannot be read, only what is certain.
pub(super) fn unclear_problems(regex: &Regex, anchored: bool, loose_dots: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if regex.is_match("https://evil.net") {
        problems.push("it also matches https://evil.net (any other website)".to_string());
    }
    if !anchored {
        problems.push("it is not anchored with ^ and $, so it matches any origin that merely contains a match; match the whole origin, or list origin patterns such as \"https://*.example.com\"".into());
    }
    if loose_dots {
        problems.push("an unescaped \".\" between labels matches any character".into());
    }
    problems
}
