//! The Node-API surface of the browser model: plain objects in, plain objects out. Every
//! export catches panics so none can abort the Node process.
// The exports are only reachable from Node; unit tests build without them.
#![cfg_attr(test, allow(dead_code))]
use napi::{Error, Result, Status};
use napi_derive::napi;

use crate::browser::{
    self, Blocker, Credentials, Engine, EngineVerdict, Exchange, Header, Network, Outgoing, Patch,
    Permission, Request, Response, Space,
};

#[napi(object)]
pub struct BrowserRequest {
    pub url: String,
    pub origin: String,
    pub method: String,
    /// `[name, value]` pairs in order.
    pub headers: Vec<Vec<String>>,
    /// `'omit' | 'same-origin' | 'include'`.
    pub credentials: String,
    /// `'public' | 'local' | 'loopback'`; by default the page origin's host's.
    pub page_address_space: Option<String>,
    /// The same for the server; by default the URL's host's.
    pub server_address_space: Option<String>,
    /// `fetch(url, { targetAddressSpace })`.
    pub target_address_space: Option<String>,
    /// `'granted' | 'denied' | 'prompt'` (the default).
    pub loopback_network: Option<String>,
    /// The same for `local-network`.
    pub local_network: Option<String>,
}

#[napi(object)]
pub struct BrowserResponse {
    pub url: Option<String>,
    pub status: u32,
    pub headers: Vec<Vec<String>>,
    /// On a followed redirect: the response to the preflight sent to its target.
    pub preflight: Option<BrowserPreflightResponse>,
}

/// A preflight's response; its `url` defaults to the page's request URL.
#[napi(object)]
pub struct BrowserPreflightResponse {
    pub url: Option<String>,
    pub status: u32,
    pub headers: Vec<Vec<String>>,
}

#[napi(object)]
pub struct BrowserExchange {
    pub request: BrowserRequest,
    pub preflight: Option<BrowserPreflightResponse>,
    pub responses: Vec<BrowserResponse>,
}

#[napi(object)]
pub struct BrowserVerdict {
    pub allowed: bool,
    /// `'preflight' | 'redirect' | 'response'`, when blocked.
    pub step: Option<String>,
    /// The index in `responses` of the response that failed (not for the preflight).
    pub hop: Option<u32>,
    /// A stable code such as `missing-allow-origin`.
    pub failure: Option<String>,
    pub console: Option<String>,
    pub fix: Option<String>,
    pub preflight_cache_seconds: Option<u32>,
    pub deviation: Option<String>,
    /// The engine asks the user for local network access first.
    pub prompt: bool,
}

#[napi(object)]
pub struct BrowserEngines {
    pub chromium: BrowserVerdict,
    pub firefox: BrowserVerdict,
    pub webkit: BrowserVerdict,
}

#[napi(object)]
pub struct BrowserPrediction {
    pub preflight_needed: bool,
    pub cross_origin: bool,
    /// What the preflight carries: `Access-Control-Request-Method` and the lower-case,
    /// sorted names of `Access-Control-Request-Headers`.
    pub request_method: String,
    pub request_headers: Vec<String>,
    /// Whether the preflight's method is *CORS-safelisted*, so it needs no listing in
    /// Access-Control-Allow-Methods.
    pub request_method_safelisted: bool,
    pub engines: BrowserEngines,
}

#[napi(object)]
pub struct BrowserPreflight {
    pub needed: bool,
    pub method: String,
    pub headers: Vec<String>,
}

/// A request the browser sends, exactly as it goes on the wire (no Host, User-Agent or
/// Content-Length: the sender adds those).
#[napi(object)]
pub struct BrowserOutgoing {
    /// `'preflight' | 'actual'`.
    pub purpose: String,
    pub url: String,
    pub method: String,
    /// `[name, value]` pairs in order.
    pub headers: Vec<Vec<String>>,
    /// Whether the page's body goes with it.
    pub body: bool,
}

/// Each engine's own walk of one fetch (they differ where engines send different requests).
#[napi(object)]
pub struct BrowserWalks {
    pub chromium: BrowserExchange,
    pub firefox: BrowserExchange,
    pub webkit: BrowserExchange,
}

/// The changes to one response.
#[napi(object)]
pub struct BrowserEdit {
    /// `'preflight' | 'redirect' | 'response'`.
    pub step: String,
    /// A redirect's index in `responses`; for a preflight, of the redirect whose target got it.
    pub hop: Option<u32>,
    /// `[name, value]` pairs; each replaces every line of that header.
    pub set: Vec<Vec<String>>,
    pub remove: Vec<String>,
    pub status: Option<u32>,
}

#[napi(object)]
pub struct BrowserPatchVerdicts {
    pub chromium: bool,
    pub firefox: bool,
    pub webkit: bool,
}

/// Why no header patch lets the fetch through.
#[napi(object)]
pub struct BrowserBlocker {
    /// `'null-origin'`, or the failure's code (`too-many-redirects`...).
    pub code: String,
    /// For `null-origin`: the URL to fetch directly (null when the page itself is opaque).
    pub url: Option<String>,
}

#[napi(object)]
pub struct BrowserPatch {
    pub edits: Vec<BrowserEdit>,
    /// Each engine's `allowed` on its patched walk.
    pub verdicts: BrowserPatchVerdicts,
    pub blocker: Option<BrowserBlocker>,
    /// The patch in words, in HTTP terms.
    pub text: String,
}

/// The model's patch for one fetch: the smallest change to the server's answers that lets
/// every engine through its own walk, re-judged.
#[napi(catch_unwind)]
pub fn browser_patch(walks: BrowserWalks) -> Result<BrowserPatch> {
    let chromium = exchange(walks.chromium)?;
    let firefox = exchange(walks.firefox)?;
    let webkit = exchange(walks.webkit)?;
    let found = browser::patch_walks(&[
        (Engine::Chromium, &chromium),
        (Engine::Firefox, &firefox),
        (Engine::Webkit, &webkit),
    ]);
    Ok(patch_output(&found, &chromium))
}

fn patch_output(found: &Patch, shown: &Exchange) -> BrowserPatch {
    let allowed = |engine: Engine| {
        found
            .allowed
            .iter()
            .any(|(e, allowed)| *e == engine && *allowed)
    };
    BrowserPatch {
        edits: found
            .edits
            .iter()
            .map(|edit| BrowserEdit {
                step: edit.target.step().to_string(),
                hop: edit.target.hop().and_then(|hop| u32::try_from(hop).ok()),
                set: edit
                    .set
                    .iter()
                    .map(|(name, value)| vec![name.clone(), value.clone()])
                    .collect(),
                remove: edit.remove.clone(),
                status: edit.status.map(u32::from),
            })
            .collect(),
        verdicts: BrowserPatchVerdicts {
            chromium: allowed(Engine::Chromium),
            firefox: allowed(Engine::Firefox),
            webkit: allowed(Engine::Webkit),
        },
        blocker: found.blocker.as_ref().map(|blocker| match blocker {
            Blocker::NullOrigin { url } => BrowserBlocker {
                code: "null-origin".to_string(),
                url: url.clone(),
            },
            Blocker::Failure(failure) => BrowserBlocker {
                code: failure.code().to_string(),
                url: None,
            },
        }),
        text: browser::fix_text(found, shown),
    }
}

/// Each engine's verdict on one exchange.
#[napi(catch_unwind)]
pub fn browser_predict(exchange: BrowserExchange) -> Result<BrowserPrediction> {
    let exchange = self::exchange(exchange)?;
    let prediction = browser::predict(&exchange);
    let mut engines = prediction.engines.into_iter().map(verdict);
    let mut next = || {
        engines
            .next()
            .ok_or_else(|| invalid("the model answered for fewer than three engines"))
    };
    Ok(BrowserPrediction {
        preflight_needed: prediction.preflight.needed,
        cross_origin: prediction.cross_origin,
        request_method_safelisted: browser::is_safelisted_method(&prediction.preflight.method),
        request_method: prediction.preflight.method,
        request_headers: prediction.preflight.headers,
        engines: BrowserEngines {
            chromium: next()?,
            firefox: next()?,
            webkit: next()?,
        },
    })
}

/// What `engine` (`'chromium' | 'firefox' | 'webkit'`) sends next in this exchange, or null
/// once the fetch is over.
#[napi(catch_unwind)]
pub fn browser_next_request(
    engine: String,
    exchange: BrowserExchange,
) -> Result<Option<BrowserOutgoing>> {
    let engine = Engine::ALL
        .into_iter()
        .find(|e| e.name() == engine)
        .ok_or_else(|| {
            invalid(&format!(
                "engine {engine:?} must be 'chromium', 'firefox' or 'webkit'"
            ))
        })?;
    Ok(browser::next_request(engine, &self::exchange(exchange)?).map(outgoing))
}

/// The address space of a host or address: `'public' | 'local' | 'loopback'`.
#[napi(catch_unwind)]
pub fn browser_address_space(host: String) -> String {
    Space::of_host(&host).name().to_string()
}

/// Whether a request is preflighted (not simple, and to another origin), and what the
/// preflight carries.
#[napi(catch_unwind)]
pub fn browser_preflight_request(request: BrowserRequest) -> Result<BrowserPreflight> {
    let asked = browser::first_preflight(&self::request(request)?);
    Ok(BrowserPreflight {
        needed: asked.needed,
        method: asked.method,
        headers: asked.headers,
    })
}

/// The preflight the page's request would get, whether or not it needs one (the checker's
/// probes ask with it instead of repeating an unsafe request).
#[napi(catch_unwind)]
pub fn browser_preflight_for(request: BrowserRequest) -> Result<BrowserOutgoing> {
    Ok(outgoing(browser::preflight_for(&self::request(request)?)))
}

/// The serialised origin of an http(s) URL, or null.
#[napi(catch_unwind)]
pub fn browser_origin_of(url: String) -> Option<String> {
    browser::origin_of(&url)
}

/// The *CORS-safelisted methods*, in the standard's order.
#[napi(catch_unwind)]
pub fn browser_safelisted_methods() -> Vec<String> {
    browser::SAFELISTED_METHODS.map(String::from).to_vec()
}

/// Why `fetch()` refuses this method, or null.
#[napi(catch_unwind)]
pub fn browser_forbidden_method(method: String) -> Option<String> {
    browser::forbidden_method_reason(&method)
}

/// Why a page cannot set this request header, or null.
#[napi(catch_unwind)]
pub fn browser_forbidden_header(name: String, value: String) -> Option<String> {
    browser::forbidden_header_reason(&name, &value)
}

pub(super) fn exchange(input: BrowserExchange) -> Result<Exchange> {
    let request = request(input.request)?;
    let url = request.url.clone();
    Ok(Exchange {
        request,
        preflight: input
            .preflight
            .map(|r| preflight_response(r, &url))
            .transpose()?,
        responses: input
            .responses
            .into_iter()
            .map(|r| response(r, &url))
            .collect::<Result<_>>()?,
    })
}

fn outgoing(sent: Outgoing) -> BrowserOutgoing {
    BrowserOutgoing {
        purpose: sent.purpose.name().to_string(),
        url: sent.url,
        method: sent.method,
        headers: sent
            .headers
            .into_iter()
            .map(|(name, value)| vec![name, value])
            .collect(),
        body: sent.body,
    }
}

fn invalid(message: &str) -> Error {
    Error::new(Status::InvalidArg, message.to_string())
}

fn headers(pairs: Vec<Vec<String>>) -> Result<Vec<Header>> {
    pairs
        .into_iter()
        .map(|pair| match <[String; 2]>::try_from(pair) {
            Ok([name, value]) => Ok((name, value)),
            Err(_) => Err(invalid("each header must be a [name, value] pair")),
        })
        .collect()
}

fn request(input: BrowserRequest) -> Result<Request> {
    let credentials = Credentials::parse(&input.credentials).ok_or_else(|| {
        invalid(&format!(
            "request.credentials {:?} must be 'omit', 'same-origin' or 'include'",
            input.credentials
        ))
    })?;
    let space = |name: &str, value: Option<String>| -> Result<Option<Space>> {
        value
            .map(|v| {
                Space::parse(&v).ok_or_else(|| {
                    invalid(&format!(
                        "request.{name} {v:?} must be 'public', 'local' or 'loopback'"
                    ))
                })
            })
            .transpose()
    };
    let permission = |name: &str, value: Option<String>| -> Result<Permission> {
        let Some(v) = value else {
            return Ok(Permission::Prompt);
        };
        Permission::parse(&v).ok_or_else(|| {
            invalid(&format!(
                "request.{name} {v:?} must be 'granted', 'denied' or 'prompt'"
            ))
        })
    };
    let network = Network {
        page: space("pageAddressSpace", input.page_address_space)?,
        server: space("serverAddressSpace", input.server_address_space)?,
        target: space("targetAddressSpace", input.target_address_space)?,
        loopback: permission("loopbackNetwork", input.loopback_network)?,
        local: permission("localNetwork", input.local_network)?,
    };
    Ok(Request {
        url: input.url,
        origin: input.origin,
        method: input.method,
        headers: headers(input.headers)?,
        credentials,
        network,
    })
}

fn response(input: BrowserResponse, request_url: &str) -> Result<Response> {
    let preflight = input
        .preflight
        .map(|r| preflight_response(r, request_url).map(Box::new))
        .transpose()?;
    Ok(Response {
        preflight,
        ..preflight_response(
            BrowserPreflightResponse {
                url: input.url,
                status: input.status,
                headers: input.headers,
            },
            request_url,
        )?
    })
}

fn preflight_response(input: BrowserPreflightResponse, request_url: &str) -> Result<Response> {
    let status =
        u16::try_from(input.status).map_err(|_| invalid("a response status must be 0-65535"))?;
    Ok(Response {
        url: input.url.unwrap_or_else(|| request_url.to_string()),
        status,
        headers: headers(input.headers)?,
        preflight: None,
    })
}

fn verdict(v: EngineVerdict) -> BrowserVerdict {
    BrowserVerdict {
        allowed: v.allowed,
        step: v.step.map(|s| s.name().to_string()),
        hop: v.hop.and_then(|index| u32::try_from(index).ok()),
        failure: v.failure.as_ref().map(|f| f.code().to_string()),
        console: v.console,
        fix: v.fix,
        preflight_cache_seconds: v.preflight_cache_seconds,
        deviation: v.deviation,
        prompt: v.prompt,
    }
}

/// A console line (or DevTools' reason) read back against the model's own texts.
#[napi(object)]
pub struct BrowserConsoleReading {
    /// `'chromium' | 'firefox' | 'webkit'`; absent for a DevTools reason.
    pub engine: Option<String>,
    pub failure: String,
    pub alternatives: Vec<String>,
    /// `'preflight' | 'redirect' | 'response'`, when the line says.
    pub step: Option<String>,
    pub url: Option<String>,
    pub redirected_from: Option<String>,
    pub origin: Option<String>,
    pub value: Option<String>,
    /// The address space `fetch()` declared (`address-space-mismatch`).
    pub target_space: Option<String>,
    pub status: Option<u32>,
    /// Words the engine prints for any failed fetch: they name no failure.
    pub generic: bool,
    pub explanation: String,
    pub fix: String,
}

/// Reads `text` (a pasted console line, maybe with its neighbours) or null when no line fits;
/// `origin` is quoted in the fix when the line names none.
#[napi(catch_unwind)]
pub fn browser_read_console(text: String, origin: Option<String>) -> Option<BrowserConsoleReading> {
    let reading = browser::read_console(&text)?;
    Some(BrowserConsoleReading {
        engine: reading.engine.map(|e| e.name().to_string()),
        failure: reading.failure.to_string(),
        alternatives: reading.alternatives.iter().map(|c| c.to_string()).collect(),
        step: reading.step.map(|s| s.name().to_string()),
        explanation: browser::explanation(&reading),
        fix: browser::reading_fix(&reading, origin.as_deref()),
        url: reading.url,
        redirected_from: reading.redirected_from,
        origin: reading.origin,
        value: reading.value,
        target_space: reading.target_space,
        status: reading.status.map(u32::from),
        generic: reading.generic,
    })
}
