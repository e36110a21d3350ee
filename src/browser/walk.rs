//! One exchange walked as a browser walks it: the preflight if one is needed, then each
//! response of the actual request, redirects first. The result is one verdict per engine and,
//! where the exchange stops before the fetch is over, the request the engine sends next.
use super::address_space::{gate, Gate};
use super::classify::{first_preflight, PreflightRequest};
use super::outgoing::{self, Outgoing};
use super::redirect::{is_redirect, Carried, MAX_REDIRECTS};
use super::url::{origin_of, resolve};
use super::{console, cors_check, fix, header_map, patch, preflight};
use super::{Credentials, Engine, Exchange, Failure, Request, Response, Step};
/// What one engine does with the exchange.
#[derive(Clone, Debug)]
pub struct EngineVerdict {
    /// The engine judged.
    pub engine: Engine,
    /// Whether the page can read the final response.
    pub allowed: bool,
    /// Where it was blocked.
    pub step: Option<Step>,
    /// The index in `responses` of the response that failed; for a failed preflight, of
    /// the redirect whose target it was sent to (none for the page's own preflight).
    pub hop: Option<usize>,
    /// Why it was blocked.
    pub failure: Option<Failure>,
    /// The console line, when blocked.
    pub console: Option<String>,
    /// What the server (or the page) must change, when blocked: the model's patch in words.
    pub fix: Option<String>,
    /// The Origin the refused request carried: the page's, or `null` after a redirect to
    /// another origin.
    pub sent_origin: Option<String>,
    /// How long the engine caches the preflight answer, when a preflight passed.
    pub preflight_cache_seconds: Option<u32>,
    /// Where the engine let the exchange through although the Fetch standard would not.
    pub deviation: Option<String>,
    /// The engine asks the user for local network access first; the rest of the verdict is
    /// what follows when the user allows it.
    pub prompt: bool,
}

/// The model's answer for one exchange.
#[derive(Clone, Debug)]
pub struct Prediction {
    /// False when the page fetched its own origin (no CORS check at first).
    pub cross_origin: bool,
    /// Whether the page's request is preflighted, and what its preflight asks.
    pub preflight: PreflightRequest,
    /// Chromium, Firefox, WebKit, in that order.
    pub engines: Vec<EngineVerdict>,
}

/// Each engine's verdict on `exchange`, judged as far as it goes: with no responses only the
/// preflight is judged, and a last redirect is judged as one the browser follows.
///
/// ```
/// use cors_native::browser::{predict, Credentials, Exchange, Request, Response};
///
/// let request = Request {
///     url: "https://api.example.com/items".into(),
///     origin: "https://app.example.com".into(),
///     method: "GET".into(),
///     headers: vec![],
///     credentials: Credentials::Include,
///     network: Default::default(),
/// };
/// let answer = Response {
///     url: request.url.clone(),
///     status: 200,
///     headers: vec![("Access-Control-Allow-Origin".into(), "*".into())],
///     preflight: None,
/// };
/// let exchange = Exchange { request, preflight: None, responses: vec![answer] };
/// let chromium = &predict(&exchange).engines[0];
/// assert!(!chromium.allowed);
/// assert_eq!(chromium.failure.as_ref().unwrap().code(), "wildcard-with-credentials");
/// ```
pub fn predict(exchange: &Exchange) -> Prediction {
    let walk = Walk::new(exchange);
    let mut engines: Vec<EngineVerdict> = Engine::ALL
        .iter()
        .map(|&engine| walk.verdict(engine).0)
        .collect();
    if engines.iter().any(|verdict| !verdict.allowed) {
        let text = fix::text(&patch::patch(exchange), exchange);
        for verdict in engines.iter_mut().filter(|verdict| !verdict.allowed) {
            verdict.fix = Some(
                match verdict.failure.as_ref().filter(|f| f.before_sending()) {
                    Some(failure) => super::meaning::block_fix(failure.code()).to_string(),
                    None => text.clone(),
                },
            );
        }
    }
    Prediction {
        cross_origin: walk.cross_origin,
        preflight: walk.asked,
        engines,
    }
}

/// `engine`'s verdict on `exchange`, without the fix (the patch is built from these).
pub(super) fn judge(engine: Engine, exchange: &Exchange) -> EngineVerdict {
    Walk::new(exchange).verdict(engine).0
}

/// The request `engine` sends next, given the responses in `exchange` so far, or `None` once
/// the fetch is over (read by the page or blocked). A checker sends what this asks for and
/// appends the answer (a preflight as `exchange.preflight`, or as the `preflight` of the
/// redirect whose target it was sent to; an actual response to `responses`) until `None`.
pub fn next_request(engine: Engine, exchange: &Exchange) -> Option<Outgoing> {
    let (verdict, next) = Walk::new(exchange).verdict(engine);
    next.filter(|_| verdict.allowed)
}

struct Blocked<'a> {
    failure: Failure,
    step: Step,
    /// The response it happened on.
    response: &'a Response,
    /// The index in `responses` of that response, or for a preflight sent to follow a
    /// redirect, of that redirect (none for the page's own preflight).
    hop: Option<usize>,
    sent_origin: String,
}

/// Where an engine's walk ended when nothing blocked it.
struct Passed {
    /// A deviation from the standard the engine relied on.
    deviation: Option<String>,
    /// The request the engine sends next, when the exchange stops before the fetch is over.
    next: Option<Outgoing>,
}

/// One exchange, walked for one engine at a time.
struct Walk<'a> {
    exchange: &'a Exchange,
    /// Whether the page fetched another origin.
    cross_origin: bool,
    /// What the page's request asks; `needed` only when it goes to another origin.
    asked: PreflightRequest,
    include: bool,
}

impl<'a> Walk<'a> {
    fn new(exchange: &'a Exchange) -> Walk<'a> {
        let request = &exchange.request;
        Walk {
            exchange,
            cross_origin: origin_of(&request.url).as_deref() != Some(request.origin.as_str()),
            asked: first_preflight(request),
            include: request.credentials == Credentials::Include,
        }
    }

    /// `engine`'s verdict, and the request it sends next if the exchange stops early.
    fn verdict(&self, engine: Engine) -> (EngineVerdict, Option<Outgoing>) {
        let request = &self.exchange.request;
        let mut result = EngineVerdict {
            engine,
            allowed: true,
            step: None,
            hop: None,
            failure: None,
            console: None,
            fix: None,
            sent_origin: None,
            preflight_cache_seconds: None,
            deviation: None,
            prompt: false,
        };
        match gate(engine, request) {
            Gate::Open => {}
            Gate::Prompt => result.prompt = true,
            Gate::Closed(failure) => return (refuse(result, request, failure), None),
        }
        if self.asked.needed {
            let Some(response) = &self.exchange.preflight else {
                if self.exchange.responses.is_empty() {
                    let next = outgoing::preflight(&request.url, &request.origin, &self.asked);
                    return (result, Some(next));
                }
                // The preflight is not known (a cached answer); the responses are judged.
                return self.walk_responses(engine, result);
            };
            match preflight::check(engine, response, &self.asked, &request.origin, self.include) {
                Ok(passed) => {
                    result.preflight_cache_seconds = Some(passed.cache_seconds);
                    result.deviation = passed.deviation;
                }
                Err(failure) => {
                    let blocked = Blocked {
                        failure,
                        step: Step::Preflight,
                        response,
                        hop: None,
                        sent_origin: request.origin.clone(),
                    };
                    return (block(result, self.exchange, blocked), None);
                }
            }
        }
        self.walk_responses(engine, result)
    }

    fn walk_responses(
        &self,
        engine: Engine,
        mut result: EngineVerdict,
    ) -> (EngineVerdict, Option<Outgoing>) {
        match self.responses(engine) {
            Ok(passed) => {
                result.deviation = result.deviation.or(passed.deviation);
                (result, passed.next)
            }
            Err(blocked) => (block(result, self.exchange, blocked), None),
        }
    }

    /// The CORS check on every response once the fetch is cross-origin, the redirect rules,
    /// and the preflight an engine sends to a redirect's target.
    fn responses(&self, engine: Engine) -> Result<Passed, Blocked<'a>> {
        let request = &self.exchange.request;
        let responses = &self.exchange.responses;
        let page = request.origin.as_str();
        let mut carried = Carried::new(request, self.cross_origin);
        let mut deviation = None;
        let last = responses.len().saturating_sub(1);
        for (index, response) in responses.iter().enumerate() {
            let redirect = is_redirect(response);
            // A last redirect with no known target preflight is still followed when its
            // target parses: the walk then stops with the request sent there next.
            let next_url = if index < last {
                Some(responses[index + 1].url.clone())
            } else {
                response
                    .preflight
                    .as_ref()
                    .map(|p| p.url.clone())
                    .or_else(|| {
                        let location = header_map::get(&response.headers, "location")?;
                        resolve(&response.url, &location)
                    })
            };
            let followed = redirect && next_url.is_some();
            let step = if followed {
                Step::Redirect(index)
            } else {
                Step::Response
            };
            let sent_origin = carried.origin.clone();
            let fail = |failure| Blocked {
                failure,
                step,
                response,
                hop: Some(index),
                sent_origin: sent_origin.clone(),
            };
            if carried.cors {
                cors_check::check(engine, &response.headers, &carried.origin, self.include)
                    .map_err(fail)?;
            }
            if redirect && index == MAX_REDIRECTS {
                return Err(fail(Failure::TooManyRedirects));
            }
            let Some(next_url) = next_url.filter(|_| followed) else {
                continue;
            };
            carried.follow(response, &next_url, page).map_err(fail)?;
            let first_sent = self.asked.needed;
            if let Some((asked, origin)) =
                carried.target_preflight(engine, request, &self.asked, first_sent)
            {
                let Some(answer) = response.preflight.as_deref() else {
                    return Ok(Passed {
                        deviation,
                        next: Some(outgoing::preflight(&next_url, &origin, &asked)),
                    });
                };
                match preflight::check(engine, answer, &asked, &origin, self.include) {
                    Ok(passed) => deviation = deviation.or(passed.deviation),
                    Err(failure) => {
                        return Err(Blocked {
                            failure,
                            step: Step::Preflight,
                            response: answer,
                            hop: Some(index),
                            sent_origin: origin,
                        })
                    }
                }
            }
            if index == last {
                return Ok(Passed {
                    deviation,
                    next: Some(outgoing::actual(&carried)),
                });
            }
        }
        let next = responses.is_empty().then(|| outgoing::actual(&carried));
        Ok(Passed { deviation, next })
    }
}

/// A fetch the browser refused before sending anything.
fn refuse(mut result: EngineVerdict, request: &Request, failure: Failure) -> EngineVerdict {
    let console_cx = console::Context {
        url: &request.url,
        redirected_from: None,
        page_origin: &request.origin,
        sent_origin: &request.origin,
        status: 0,
        step: Step::Response,
    };
    result.allowed = false;
    result.console = Some(console::line(result.engine, &failure, &console_cx));
    result.failure = Some(failure);
    result
}

fn block(mut result: EngineVerdict, exchange: &Exchange, blocked: Blocked) -> EngineVerdict {
    let request = &exchange.request;
    let response = blocked.response;
    let console_cx = console::Context {
        url: &response.url,
        redirected_from: (response.url != request.url).then_some(request.url.as_str()),
        page_origin: &request.origin,
        sent_origin: &blocked.sent_origin,
        status: response.status,
        step: blocked.step,
    };
    result.allowed = false;
    result.console = Some(console::line(result.engine, &blocked.failure, &console_cx));
    result.sent_origin = Some(blocked.sent_origin);
    result.step = Some(blocked.step);
    result.hop = blocked.hop;
    result.failure = Some(blocked.failure);
    result
}
