//! A patch in words, in HTTP terms: "On the OPTIONS preflight response: answer 204; set
//! Access-Control-Allow-Methods: GET, PUT; ...". The `check` command renders the same patch
//! in the recognised server's own configuration.
use super::patch::{Blocker, Edit, Patch, Target};
use super::{Exchange, Failure};

/// What the server (or the page) must change, from the model's patch for `exchange`.
pub fn text(patch: &Patch, exchange: &Exchange) -> String {
    let mut sentences: Vec<String> = patch
        .edits
        .iter()
        .map(|edit| edit_text(edit, exchange))
        .collect();
    match &patch.blocker {
        Some(Blocker::NullOrigin { url: Some(url) }) => sentences.push(format!(
            "After a redirect to another origin the browser sends Origin: null, and allowing null would let any sandboxed page read the response: fetch {url} directly so the request keeps the page's origin"
        )),
        Some(Blocker::NullOrigin { url: None }) => sentences.push(
            "The page's origin is null (a sandboxed iframe or a data: URL); allowing null would let any such page read the response: serve the page from an http(s) origin".to_string(),
        ),
        Some(Blocker::Failure(failure)) => sentences.push(failure_text(failure)),
        None => {}
    }
    sentences.join(" ")
}

fn edit_text(edit: &Edit, exchange: &Exchange) -> String {
    let note = |name: &str| -> String {
        let notes: Vec<&str> = edit
            .notes
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, text)| text.as_str())
            .collect();
        if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join("; "))
        }
    };
    let mut parts = Vec::new();
    if let Some(status) = edit.status {
        parts.push(format!("answer {status}{}", note("status")));
    }
    for name in &edit.remove {
        parts.push(format!("remove {name}"));
    }
    for (name, value) in &edit.set {
        parts.push(format!("set {name}: {value}{}", note(name)));
    }
    format!("On {}: {}.", place(edit.target, exchange), parts.join("; "))
}

fn place(target: Target, exchange: &Exchange) -> String {
    let url = |index: usize| {
        exchange
            .responses
            .get(index)
            .map(|r| r.url.as_str())
            .unwrap_or("")
    };
    match target {
        Target::Preflight(None) => "the OPTIONS preflight response".to_string(),
        Target::Preflight(Some(hop)) => format!(
            "the OPTIONS preflight response at the target of the redirect from {}",
            url(hop)
        ),
        Target::Redirect(index) => format!("the redirect response from {}", url(index)),
        Target::Response => "the response".to_string(),
    }
}

/// The failures no header fixes.
fn failure_text(failure: &Failure) -> String {
    match failure {
        Failure::RedirectWithCredentials(location) => {
            format!("Redirect to a URL without user:password@ (the Location was {location})")
        }
        Failure::TooManyRedirects => {
            "Fix the redirect loop: a fetch follows at most 20 redirects".to_string()
        }
        Failure::RedirectScheme(target) => {
            format!("Redirect only to http(s) URLs: fetch() fails on a redirect to {target}")
        }
        other if other.before_sending() => super::meaning::block_fix(other.code()).to_string(),
        other => format!("The server must answer differently ({})", other.code()),
    }
}
