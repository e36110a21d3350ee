//! The origin shape a RegExp is read as, and the schemes, hosts and ports it stands for.

/// What a RegExp allows before the domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subdomains {
    None,
    Any { optional: bool },
    Labels { labels: Vec<String>, optional: bool },
}

/// What a RegExp allows after the domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Port {
    Default,
    Any { optional: bool },
    Fixed { port: String, optional: bool },
}

/// What an origin RegExp evidently means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Intent {
    /// None when the RegExp does not restrict the scheme.
    pub(super) schemes: Option<Vec<&'static str>>,
    pub(super) subdomains: Subdomains,
    pub(super) domain: String,
    pub(super) port: Port,
}

/// A development host, served over plain http.
pub(super) fn is_local(domain: &str) -> bool {
    domain == "localhost" || domain.ends_with(".localhost") || domain == "127.0.0.1"
}

impl Intent {
    /// The schemes named, or the one the domain is served over.
    pub(super) fn schemes(&self) -> Vec<&'static str> {
        match &self.schemes {
            Some(schemes) => schemes.clone(),
            None if is_local(&self.domain) => vec!["http"],
            None => vec!["https"],
        }
    }

    /// The hosts meant, `*.` standing for any subdomains.
    pub(super) fn hosts(&self) -> Vec<String> {
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

    /// The port suffixes meant: none, `:*` for any, or a fixed one.
    pub(super) fn ports(&self) -> Vec<String> {
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
}
