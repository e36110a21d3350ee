//! A read console line in plain words: what happened, where, and the fix. CORS failures get
//! the model's own fix (`fix.rs`); the blocks that are not CORS's get theirs here.
use super::fix::{self, Context};
use super::read::Reading;
use super::{Failure, Step};

/// What the reader must fill in when the line does not quote it.
const UNKNOWN_ORIGIN: &str = "<the page's origin>";

/// What happened, at which step, in plain words.
pub fn explanation(reading: &Reading) -> String {
    let mut text = meaning(reading);
    text.push(' ');
    text.push_str(match reading.step {
        Some(Step::Preflight) => "It failed at the preflight: the OPTIONS request the browser sends before the request itself, to ask whether it may.",
        Some(Step::Redirect(_)) => "It failed at a redirect of the request.",
        Some(Step::Response) => "It failed on the response to the request itself (no preflight was at fault).",
        None if Failure::from_code(reading.failure, "", 0).is_some() => "The line does not say whether the preflight's response or the request's own failed.",
        None => "The browser refused before sending anything, whatever the server would answer.",
    });
    if !reading.alternatives.is_empty() {
        let others: Vec<String> = reading
            .alternatives
            .iter()
            .map(|code| {
                meaning(&Reading {
                    failure: code,
                    ..Reading::default()
                })
            })
            .collect();
        text.push_str(" The engine prints the same line when: ");
        text.push_str(&others.join(" Or: "));
    }
    text
}

fn meaning(reading: &Reading) -> String {
    let value = reading.value.as_deref().unwrap_or("");
    let space = |s: Option<&str>| {
        s.map(|s| format!("`{s}`"))
            .unwrap_or_else(|| "a more private one".into())
    };
    match reading.failure {
        "missing-allow-origin" => "The answer carried no Access-Control-Allow-Origin header, so the browser kept it from the page.".into(),
        "wildcard-with-credentials" => "The request carried credentials (cookies or HTTP authentication) and the answer said Access-Control-Allow-Origin: *, which browsers never accept with credentials.".into(),
        "multiple-allow-origin" => "Access-Control-Allow-Origin held more than one value (often two layers, a proxy and the app, each adding it); browsers accept exactly one.".into(),
        "invalid-allow-origin" => "Access-Control-Allow-Origin held a value that is not an origin.".into(),
        "allow-origin-mismatch" => "Access-Control-Allow-Origin named an origin other than the page's.".into(),
        "allow-credentials-not-true" => "The request carried credentials and the answer did not say Access-Control-Allow-Credentials: true (exactly that, in lower case).".into(),
        "preflight-status" => "The server answered the preflight with a status outside 200-299.".into(),
        "preflight-redirect" => "The server answered the preflight with a redirect, which browsers never follow.".into(),
        "invalid-allow-methods" => "Access-Control-Allow-Methods held something that is not a method name.".into(),
        "invalid-allow-headers" => "Access-Control-Allow-Headers held something that is not a header name.".into(),
        "method-not-allowed" => "The preflight's answer did not list the request's method in Access-Control-Allow-Methods.".into(),
        "header-not-allowed" => "The preflight's answer did not list a header the page set in Access-Control-Allow-Headers.".into(),
        "redirect-with-credentials" => "The server redirected to a URL with user:password@ in it, which browsers refuse on a cross-origin fetch.".into(),
        "too-many-redirects" => "The fetch followed more than 20 redirects: a redirect loop.".into(),
        "redirect-scheme" => "The server redirected to a URL that is not http(s), which fetch() does not follow (Firefox prints the same words when the server cannot be reached at all, or when its local network access prompt was denied).".into(),
        "local-network-access" => format!("Chromium's Local Network Access: the page asked to reach the {} address space (this machine or the local network) and the permission was not granted (denied, not asked, or headless).", space(Some(value))),
        "insecure-private-network" => format!("The page is not a secure context (http://) and fetched the more private {} address space; Chromium refuses that whatever the permission.", space(Some(value))),
        "address-space-mismatch" => format!("The fetch declared targetAddressSpace {} but the server is in the {} address space.", space(reading.target_space.as_deref()), space(Some(value))),
        "mixed-content" => "An https page fetched an http:// URL; the browser blocked it as mixed content before sending it, so CORS never came into play.".into(),
        _ => String::new(),
    }
}

/// The fix: the model's for a CORS failure, quoting `origin` when the line names none.
pub fn fix(reading: &Reading, origin: Option<&str>) -> String {
    let origin = reading
        .origin
        .as_deref()
        .or(origin)
        .unwrap_or(UNKNOWN_ORIGIN);
    let value = reading.value.clone().unwrap_or_else(|| {
        match reading.failure {
            "method-not-allowed" => "the request's method",
            "header-not-allowed" => "the header the page set",
            _ => "",
        }
        .to_string()
    });
    let status = reading.status.unwrap_or(0);
    if let Some(failure) = Failure::from_code(reading.failure, &value, status) {
        let cx = Context {
            page_origin: origin,
            sent_origin: origin,
            step: reading.step.unwrap_or(Step::Response),
            include: matches!(
                failure,
                Failure::WildcardWithCredentials | Failure::AllowCredentialsNotTrue(_)
            ),
        };
        let text = fix::fix(&failure, &cx);
        // The status is the model's to quote; a line that does not give it leaves it out.
        return if reading.status.is_none() {
            text.replace("; it got 0:", ":")
        } else {
            text
        };
    }
    match reading.failure {
        "local-network-access" => "No server header changes this: allow the browser's local network access prompt for the page (Chromium 142 and later ask instead of sending a preflight), serve the page over https, or reach the API through the page's own origin (a reverse proxy) or a public address.".into(),
        "insecure-private-network" => "Serve the page over https (a secure context); Chromium lets only secure pages reach a more private address space, and then asks for the permission.".into(),
        "address-space-mismatch" => "Give fetch() the targetAddressSpace the server is really in (the line's second one), or drop the option.".into(),
        "mixed-content" => "Serve the API over https; for a device on the local network, Chromium accepts fetch(url, { targetAddressSpace: 'local' }) and asks for the local network permission instead.".into(),
        _ => String::new(),
    }
}
