//! The blocks a browser applies before any CORS check, so before anything is sent: mixed
//! content (an https page fetching http://) and Local Network Access (a public page reaching
//! this machine or the local network). Observed in Chromium 156, Firefox ESR 153 and
//! WebKitGTK 2.50 (research/cookies-lna.md, Part 2).
use super::url::origin_of;
use super::{Engine, Failure, Request};

/// Where an address sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    /// Any other address.
    Public,
    /// The private ranges (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10).
    Local,
    /// This machine (127.0.0.0/8, ::1, `localhost`).
    Loopback,
}

impl Space {
    /// `'public' | 'local' | 'loopback'`; anything else is `None`.
    pub fn parse(name: &str) -> Option<Space> {
        match name {
            "public" => Some(Space::Public),
            "local" => Some(Space::Local),
            "loopback" => Some(Space::Loopback),
            _ => None,
        }
    }

    /// The space's name in console lines and options.
    pub fn name(self) -> &'static str {
        match self {
            Space::Public => "public",
            Space::Local => "local",
            Space::Loopback => "loopback",
        }
    }

    /// The space of a host as a URL writes it: an IP literal by its range, `localhost` (and
    /// names under it) as loopback, any other name public (its address is not known here).
    pub fn of_host(host: &str) -> Space {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = host.parse::<std::net::IpAddr>() {
            return Space::of_ip(ip);
        }
        if is_localhost_name(host) {
            Space::Loopback
        } else {
            Space::Public
        }
    }

    /// The space of a resolved address.
    pub fn of_ip(ip: std::net::IpAddr) -> Space {
        use std::net::IpAddr;
        match ip {
            IpAddr::V4(v4) if v4.is_loopback() => Space::Loopback,
            IpAddr::V4(v4) if v4.is_private() || v4.is_link_local() => Space::Local,
            IpAddr::V4(_) => Space::Public,
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Space::of_ip(IpAddr::V4(v4)),
                None if v6.is_loopback() => Space::Loopback,
                // fc00::/7 (unique local) and fe80::/10 (link local).
                None if (v6.segments()[0] & 0xfe00) == 0xfc00
                    || (v6.segments()[0] & 0xffc0) == 0xfe80 =>
                {
                    Space::Local
                }
                None => Space::Public,
            },
        }
    }
}

/// The user's answer to a local network access permission.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Permission {
    /// The user allowed it.
    Granted,
    /// The user refused it.
    Denied,
    /// Not answered yet: the browser asks when the page fetches.
    #[default]
    Prompt,
}

impl Permission {
    /// `'granted' | 'denied' | 'prompt'`; anything else is `None`.
    pub fn parse(name: &str) -> Option<Permission> {
        match name {
            "granted" => Some(Permission::Granted),
            "denied" => Some(Permission::Denied),
            "prompt" => Some(Permission::Prompt),
            _ => None,
        }
    }
}

/// Where the page and the server are, and what the user and the page said about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Network {
    /// The page's space; by default its origin's host's.
    pub page: Option<Space>,
    /// The server's space; by default the URL's host's.
    pub server: Option<Space>,
    /// `fetch(url, { targetAddressSpace })`.
    pub target: Option<Space>,
    /// The `loopback-network` permission of the page's origin.
    pub loopback: Permission,
    /// The `local-network` permission of the page's origin.
    pub local: Permission,
}

/// What happens to a fetch before anything is sent.
#[derive(Debug, PartialEq, Eq)]
pub enum Gate {
    /// Nothing stops the fetch here.
    Open,
    /// The browser asks the user first.
    Prompt,
    /// Refused at once.
    Closed(Failure),
}

/// `engine`'s gate for `request`: mixed content first, then Local Network Access.
pub fn gate(engine: Engine, request: &Request) -> Gate {
    let (Some(page), Some(url)) = (split(&request.origin), split(&request.url)) else {
        return Gate::Open;
    };
    let network = &request.network;
    // Chromium treats http loopback URLs as potentially trustworthy, and lets an http fetch
    // that declares `targetAddressSpace: 'local'` through to its permission check instead.
    // WebKitGTK blocks every http URL from an https page.
    let trustworthy = match engine {
        Engine::Webkit => false,
        _ => is_loopback_host(&url.host),
    };
    let declared_local = engine == Engine::Chromium && network.target == Some(Space::Local);
    if page.scheme == "https" && url.scheme == "http" && !trustworthy && !declared_local {
        return Gate::Closed(Failure::MixedContent);
    }
    if matches!(engine, Engine::Webkit | Engine::Standard) {
        return Gate::Open;
    }
    let page_space = network.page.unwrap_or_else(|| Space::of_host(&page.host));
    let server = network.server.unwrap_or_else(|| Space::of_host(&url.host));
    // Chromium 156 lets a local page reach loopback unasked: only a public page is held back.
    if page_space != Space::Public || server == Space::Public {
        return Gate::Open;
    }
    if engine == Engine::Chromium {
        let secure = page.scheme == "https" || is_loopback_host(&page.host);
        if !secure {
            return Gate::Closed(Failure::InsecurePrivateNetwork(server));
        }
        if let Some(target) = network.target.filter(|&t| t != server) {
            return Gate::Closed(Failure::AddressSpaceMismatch {
                target,
                actual: server,
            });
        }
    }
    let permission = match server {
        Space::Loopback => network.loopback,
        _ => network.local,
    };
    match permission {
        Permission::Granted => Gate::Open,
        Permission::Denied => Gate::Closed(Failure::LocalNetworkAccess(server)),
        Permission::Prompt => Gate::Prompt,
    }
}

struct Parts {
    scheme: String,
    host: String,
}

/// The scheme and host of an http(s) URL or origin, as its serialised origin writes them.
fn split(url: &str) -> Option<Parts> {
    let origin = origin_of(url).filter(|o| o != "null")?;
    let (scheme, authority) = origin.split_once("://")?;
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => authority.split(':').next()?,
    };
    Some(Parts {
        scheme: scheme.to_string(),
        host: host.to_string(),
    })
}

fn is_localhost_name(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost" || host.ends_with(".localhost")
}

/// A host the browsers treat as this machine by its name or literal alone.
fn is_loopback_host(host: &str) -> bool {
    Space::of_host(host) == Space::Loopback
}
