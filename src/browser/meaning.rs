//! A read console line in plain words: what happened, where, and the fix. CORS failures get
//! the model's own fix (`fix.rs`); the blocks that are not CORS's get theirs here.
use super::fix;
use super::patch::{patch, Blocker, Patch};
use super::read::Reading;
use super::{Credentials, Exchange, Failure, Header, Request, Response, Step};

/// What the reader must fill in when the line does not quote it.
const UNKNOWN_ORIGIN: &str = "<the page's origin>";
/// Stand-ins the model can judge, for a line that does not name the origin or the URL.
const PLACEHOLDER_ORIGIN: &str = "https://page.invalid";
const PLACEHOLDER_URL: &str = "https://api.invalid/";

/// What happened, at which step, in plain words.
pub fn explanation(reading: &Reading) -> String {
    let mut text = meaning(reading);
    text.push(' ');
    text.push_str(match reading.step {
        Some(Step::Preflight) => "It failed at the preflight: the OPTIONS request the browser sends before the request itself, to ask whether it may.",
        Some(Step::Redirect(_)) => "It failed at a redirect of the request.",
        Some(Step::Response) => "It failed on the response to the request itself (no preflight was at fault).",
        None if Failure::from_code(reading.failure, "", 0).is_some_and(|f| !f.before_sending()) => "The line does not say whether the preflight's response or the request's own failed.",
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
        "local-network-access" => format!("Local Network Access (Chromium 142 and later, Firefox): the page asked to reach the {} address space (this machine or the local network) and the permission was not granted (denied, not asked, or headless).", space(Some(value))),
        "insecure-private-network" => format!("The page is not a secure context (http://) and fetched the more private {} address space; Chromium refuses that whatever the permission.", space(Some(value))),
        "address-space-mismatch" => format!("The fetch declared targetAddressSpace {} but the server is in the {} address space.", space(reading.target_space.as_deref()), space(Some(value))),
        "mixed-content" => "An https page fetched an http:// URL; the browser blocked it as mixed content before sending it, so CORS never came into play.".into(),
        _ => String::new(),
    }
}

/// The fix: for a CORS failure, the model's patch of the smallest exchange that fails as the
/// line says, quoting `origin` when the line names none.
pub fn fix(reading: &Reading, origin: Option<&str>) -> String {
    let value = reading.value.clone().unwrap_or_else(|| {
        match reading.failure {
            "method-not-allowed" => "PUT",
            "header-not-allowed" => "X-Custom-Header",
            _ => "",
        }
        .to_string()
    });
    if let Some(failure) = Failure::from_code(reading.failure, &value, reading.status.unwrap_or(0))
        .filter(|failure| !failure.before_sending())
    {
        let page = reading.origin.as_deref().or(origin);
        let url = reading.url.as_deref().unwrap_or(PLACEHOLDER_URL);
        let exchange = described(
            &failure,
            page.unwrap_or(PLACEHOLDER_ORIGIN),
            url,
            reading.step,
        );
        let patch = match failure {
            // No header fixes these: the patch is the failure itself.
            Failure::RedirectWithCredentials(_)
            | Failure::TooManyRedirects
            | Failure::RedirectScheme(_) => Patch {
                edits: Vec::new(),
                allowed: Vec::new(),
                blocker: Some(Blocker::Failure(failure)),
            },
            _ => patch(&exchange),
        };
        let text = fix::text(&patch, &exchange);
        // The status is the model's to quote; a line that does not give it leaves it out.
        let text = if reading.status.is_none() {
            text.replace("it got 0: ", "")
        } else {
            text
        };
        return match page {
            Some(_) => text,
            None => text.replace(PLACEHOLDER_ORIGIN, UNKNOWN_ORIGIN),
        };
    }
    block_fix(reading.failure).to_string()
}

/// The fix of a block made before anything is sent (`Failure::before_sending`), by its code.
pub fn block_fix(code: &str) -> &'static str {
    match code {
        "local-network-access" => "No server header changes this: serve the page over https and have the user allow the browser's local network access prompt for it (Chromium 142 and later and Firefox ask instead of sending a preflight), or reach the API through the page's own origin (a reverse proxy) or a public address.",
        "insecure-private-network" => "Serve the page over https (a secure context); Chromium lets only secure pages reach a more private address space, and then asks for the permission. Or reach the API through the page's own origin (a reverse proxy).",
        "address-space-mismatch" => "Give fetch() the targetAddressSpace the server is really in (the line's second one), or drop the option.",
        "mixed-content" => "Serve the API over https, or reach it through the page's own origin (a reverse proxy); for a device on the local network, Chromium accepts fetch(url, { targetAddressSpace: 'local' }) and asks for the local network permission instead.",
        _ => "",
    }
}

/// The smallest exchange that fails as the line says: everything else in it is allowed, so
/// the model's patch changes only what the line is about.
fn described(failure: &Failure, origin: &str, url: &str, step: Option<Step>) -> Exchange {
    let header = |name: &str, value: &str| (name.to_string(), value.to_string());
    let include = matches!(
        failure,
        Failure::WildcardWithCredentials | Failure::AllowCredentialsNotTrue(_)
    );
    let mut method = "GET".to_string();
    let mut request_headers: Vec<Header> = Vec::new();
    let mut answer = vec![header("Access-Control-Allow-Origin", origin)];
    let mut preflight_status = 204;
    let mut at_preflight = step == Some(Step::Preflight);
    match failure {
        Failure::MissingAllowOrigin => answer.clear(),
        Failure::WildcardWithCredentials => {
            answer = vec![header("Access-Control-Allow-Origin", "*")]
        }
        Failure::MultipleAllowOrigin(v)
        | Failure::InvalidAllowOrigin(v)
        | Failure::AllowOriginMismatch(v) => {
            answer = vec![header("Access-Control-Allow-Origin", v)]
        }
        Failure::AllowCredentialsNotTrue(v) if !v.is_empty() => {
            answer.push(header("Access-Control-Allow-Credentials", v))
        }
        Failure::PreflightStatus(status) => {
            preflight_status = *status;
            at_preflight = true;
        }
        Failure::PreflightRedirect => {
            preflight_status = 301;
            answer.push(header("Location", url));
            at_preflight = true;
        }
        Failure::InvalidAllowMethods(v) => {
            answer.push(header("Access-Control-Allow-Methods", v));
            at_preflight = true;
        }
        Failure::InvalidAllowHeaders(v) => {
            answer.push(header("Access-Control-Allow-Headers", v));
            at_preflight = true;
        }
        Failure::MethodNotAllowed(m) => {
            method = m.clone();
            at_preflight = true;
        }
        Failure::HeaderNotAllowed(h) => {
            request_headers.push(header(h, "1"));
            at_preflight = true;
        }
        _ => {}
    }
    if at_preflight && method == "GET" && request_headers.is_empty() {
        method = "PUT".to_string();
    }
    let allowed = |mut headers: Vec<Header>| {
        headers.retain(|(name, _)| !name.eq_ignore_ascii_case("Location"));
        headers.push(header("Access-Control-Allow-Origin", origin));
        if include {
            headers.push(header("Access-Control-Allow-Credentials", "true"));
        }
        headers
    };
    let respond = |status: u16, headers: Vec<Header>| Response {
        url: url.to_string(),
        status,
        headers,
        preflight: None,
    };
    let mut preflight = None;
    let mut responses = Vec::new();
    if at_preflight {
        if !matches!(
            failure,
            Failure::InvalidAllowMethods(_) | Failure::MethodNotAllowed(_)
        ) {
            answer.push(header("Access-Control-Allow-Methods", &method));
        }
        preflight = Some(respond(preflight_status, answer));
    } else if let Some(Step::Redirect(_)) = step {
        answer.push(header("Location", url));
        responses.push(respond(302, answer));
        responses.push(respond(200, allowed(Vec::new())));
    } else {
        responses.push(respond(200, answer));
    }
    if include && at_preflight {
        if let Some(p) = preflight.as_mut() {
            p.headers
                .push(header("Access-Control-Allow-Credentials", "true"));
        }
    }
    Exchange {
        request: Request {
            url: url.to_string(),
            origin: origin.to_string(),
            method,
            headers: request_headers,
            network: Default::default(),
            credentials: if include {
                Credentials::Include
            } else {
                Credentials::SameOrigin
            },
        },
        preflight,
        responses,
    }
}
