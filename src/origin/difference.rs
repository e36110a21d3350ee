//! How a written origin (a configured entry, an `Access-Control-Allow-Origin` value) differs
//! from the origin a browser sent, when the two are near: the one answer refusal reasons,
//! `explain`, DEBUG lines and the model's fixes all give.
use super::Origin;

/// The one thing that keeps a written origin from matching the sent one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The written origin ends with `/`.
    TrailingSlash,
    /// The written value is a URL with a path whose origin is the sent one.
    Path,
    /// Only upper- and lower-case letters differ.
    LetterCase,
    /// Same host and port, another scheme.
    Scheme {
        /// The scheme the browser sent.
        sent: String,
        /// The scheme written.
        written: String,
    },
    /// Same scheme and host, another port (`None`: the scheme's default).
    Port {
        /// The port the browser sent.
        sent: Option<u16>,
        /// The port written.
        written: Option<u16>,
    },
    /// Same host, another scheme and port.
    SchemeAndPort,
}

impl Difference {
    /// Nearer differences rank lower, to pick the closest of several entries.
    pub fn rank(&self) -> usize {
        match self {
            Difference::TrailingSlash => 0,
            Difference::Path => 1,
            Difference::LetterCase => 2,
            Difference::Scheme { .. } => 3,
            Difference::Port { .. } => 4,
            Difference::SchemeAndPort => 5,
        }
    }

    /// The difference in words, e.g. `differs in port: 3000 vs 5173` (the sent value first).
    pub fn describe(&self) -> String {
        let port = |port: &Option<u16>| port.map_or("(default)".to_string(), |p| p.to_string());
        match self {
            Difference::TrailingSlash => "differs only by a trailing slash".to_string(),
            Difference::Path => {
                "has a path, but an origin is scheme://host[:port] only".to_string()
            }
            Difference::LetterCase => "differs only in letter case".to_string(),
            Difference::Scheme { sent, written } => {
                format!("differs in scheme: {sent} vs {written}")
            }
            Difference::Port { sent, written } => {
                format!("differs in port: {} vs {}", port(sent), port(written))
            }
            Difference::SchemeAndPort => {
                "has the same host but a different scheme and port".to_string()
            }
        }
    }
}

/// How `written` differs from `sent` (a serialised origin), or `None` when they are equal or
/// not near (another host, or not an origin at all).
pub fn difference(sent: &str, written: &str) -> Option<Difference> {
    if written == sent {
        return None;
    }
    if written.trim_end_matches('/') == sent {
        return Some(Difference::TrailingSlash);
    }
    if written.eq_ignore_ascii_case(sent) {
        return Some(Difference::LetterCase);
    }
    let sent = Origin::parse(sent)?;
    let written_origin = match Origin::parse(written) {
        Some(origin) => origin,
        None => {
            let (scheme, rest) = written.split_once("://")?;
            let authority = rest.split(['/', '?', '#']).next()?;
            let origin = Origin::parse(&format!("{scheme}://{authority}"))?;
            return (origin == sent).then_some(Difference::Path);
        }
    };
    if written_origin.host != sent.host || written_origin == sent {
        return None;
    }
    Some(
        match (
            written_origin.scheme == sent.scheme,
            written_origin.port == sent.port,
        ) {
            (false, true) => Difference::Scheme {
                sent: sent.scheme,
                written: written_origin.scheme,
            },
            (true, _) => Difference::Port {
                sent: sent.port,
                written: written_origin.port,
            },
            (false, false) => Difference::SchemeAndPort,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_near_miss_is_named() {
        let describe = |sent, written| difference(sent, written).map(|d| d.describe());
        let app = "https://app.example.com";
        assert_eq!(describe(app, app), None);
        assert_eq!(
            describe(app, "https://app.example.com/").unwrap(),
            "differs only by a trailing slash"
        );
        assert_eq!(
            describe(app, "https://app.example.com/login").unwrap(),
            "has a path, but an origin is scheme://host[:port] only"
        );
        assert_eq!(
            describe(app, "https://App.Example.com").unwrap(),
            "differs only in letter case"
        );
        assert_eq!(
            describe("http://app.example.com", app).unwrap(),
            "differs in scheme: http vs https"
        );
        assert_eq!(
            describe("http://localhost:3000", "http://localhost:5173").unwrap(),
            "differs in port: 3000 vs 5173"
        );
        assert_eq!(
            describe("http://localhost:3000", "https://localhost").unwrap(),
            "has the same host but a different scheme and port"
        );
        assert_eq!(describe(app, "https://other.example.com"), None);
        assert_eq!(describe(app, "*"), None);
    }
}
