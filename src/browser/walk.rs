//! One exchange walked as a browser walks it: the preflight if one is needed, then each
//! response of the actual request, redirects first. The result is one verdict per engine.
use super::classify::{preflight_request, PreflightRequest};
use super::url::{has_credentials, origin_of, same_origin};
use super::{console, cors_check, fix, header_map, preflight};
use super::{Credentials, Engine, Exchange, Failure, Header, Request, Response, Step};

/// A fetch follows at most this many redirects.
const MAX_REDIRECTS: usize = 20;

/// What one engine does with the exchange.
#[derive(Clone, Debug)]
pub struct EngineVerdict {
    pub engine: Engine,
    /// Whether the page can read the final response.
    pub allowed: bool,
    pub step: Option<Step>,
    /// The index in `responses` of the response that failed; for a failed preflight, of
    /// the redirect whose target it was sent to (none for the page's own preflight).
    pub hop: Option<usize>,
    pub failure: Option<Failure>,
    /// The console line, when blocked.
    pub console: Option<String>,
    pub fix: Option<String>,
    /// How long the engine caches the preflight answer, when a preflight passed.
    pub preflight_cache_seconds: Option<u32>,
    /// Where the engine let the exchange through although the Fetch standard would not.
    pub deviation: Option<String>,
}

/// The model's answer for one exchange.
#[derive(Clone, Debug)]
pub struct Prediction {
    /// False when the page fetched its own origin (no CORS check at first).
    pub cross_origin: bool,
    pub preflight: PreflightRequest,
    /// Chromium, Firefox, WebKit, in that order.
    pub engines: Vec<EngineVerdict>,
}

pub fn predict(exchange: &Exchange) -> Prediction {
    let cross_origin =
        origin_of(&exchange.request.url).as_deref() != Some(exchange.request.origin.as_str());
    let mut asked = preflight_request(&exchange.request);
    asked.needed &= cross_origin;
    let engines = Engine::ALL
        .iter()
        .map(|&engine| verdict(engine, exchange, &asked, cross_origin))
        .collect();
    Prediction {
        cross_origin,
        preflight: asked,
        engines,
    }
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

fn verdict(
    engine: Engine,
    exchange: &Exchange,
    asked: &PreflightRequest,
    cross_origin: bool,
) -> EngineVerdict {
    let request = &exchange.request;
    let include = request.credentials == Credentials::Include;
    let mut result = EngineVerdict {
        engine,
        allowed: true,
        step: None,
        hop: None,
        failure: None,
        console: None,
        fix: None,
        preflight_cache_seconds: None,
        deviation: None,
    };
    if let (true, Some(response)) = (asked.needed, &exchange.preflight) {
        match preflight::check(engine, response, asked, &request.origin, include) {
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
                return block(result, exchange, blocked, include);
            }
        }
    }
    let walked = Walk {
        engine,
        exchange,
        cross_origin,
        first_sent: asked.needed,
        include,
    };
    match walked.run() {
        Ok(deviation) => {
            result.deviation = result.deviation.or(deviation);
            result
        }
        Err(blocked) => block(result, exchange, blocked, include),
    }
}

/// The actual request's responses, walked as one engine walks them.
struct Walk<'a> {
    engine: Engine,
    exchange: &'a Exchange,
    /// Whether the page fetched another origin.
    cross_origin: bool,
    /// Whether the page's request was preflighted.
    first_sent: bool,
    include: bool,
}

impl<'a> Walk<'a> {
    /// The CORS check on every response once the fetch is cross-origin, the redirect rules,
    /// and the preflight an engine sends to a redirect's target. Passing, any deviation an
    /// engine relied on in such a preflight.
    fn run(&self) -> Result<Option<String>, Blocked<'a>> {
        let (engine, include) = (self.engine, self.include);
        let request = &self.exchange.request;
        let responses = &self.exchange.responses;
        let page = &request.origin;
        let mut headers = request.headers.clone();
        let mut cors = self.cross_origin;
        let mut sent_origin = page.clone();
        let mut deviation = None;
        let last = responses.len().saturating_sub(1);
        for (index, response) in responses.iter().enumerate() {
            let followed = index < last || response.preflight.is_some();
            let redirect = followed && preflight::is_redirect(response);
            let step = if redirect {
                Step::Redirect(index)
            } else {
                Step::Response
            };
            let fail = |failure| Blocked {
                failure,
                step,
                response,
                hop: Some(index),
                sent_origin: sent_origin.clone(),
            };
            if cors {
                cors_check::check(engine, &response.headers, &sent_origin, include)
                    .map_err(fail)?;
            }
            if !redirect {
                if index == MAX_REDIRECTS && preflight::is_redirect(response) {
                    return Err(fail(Failure::TooManyRedirects));
                }
                continue;
            }
            if index == MAX_REDIRECTS {
                return Err(fail(Failure::TooManyRedirects));
            }
            let hop_preflight = response.preflight.as_deref();
            let Some(next) = responses.get(index + 1).or(hop_preflight).map(|r| &r.url) else {
                continue;
            };
            let location = header_map::get(&response.headers, "location")
                .unwrap_or_default()
                .into_owned();
            let next_cross_origin = origin_of(next).as_deref() != Some(page.as_str());
            if (cors || next_cross_origin) && (has_credentials(next) || has_credentials(&location))
            {
                return Err(fail(Failure::RedirectWithCredentials(location)));
            }
            if !same_origin(&response.url, next) {
                // The request loses Authorization on a redirect to another origin, and a hop
                // between two origins, from a URL not of the page's origin, taints the
                // request's origin, which is then sent as `null` (*HTTP-redirect fetch*).
                headers.retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
                if origin_of(&response.url).as_deref() != Some(page.as_str()) {
                    sent_origin = "null".to_string();
                }
            }
            cors |= next_cross_origin;
            if let Some(answer) = hop_preflight.filter(|_| cors) {
                let relied_on = self.redirect_preflight(answer, index, &headers, &sent_origin)?;
                deviation = deviation.or(relied_on);
            }
        }
        Ok(deviation)
    }

    /// The check of the preflight sent to the target of the redirect at `index`, when the
    /// engine sends one: `headers` are what the request still carries, `sent_origin` its
    /// Origin. Passing, any deviation the engine relied on.
    fn redirect_preflight(
        &self,
        answer: &'a Response,
        index: usize,
        headers: &[Header],
        sent_origin: &str,
    ) -> Result<Option<String>, Blocked<'a>> {
        let request = &self.exchange.request;
        let remaining = preflight_request(&Request {
            headers: headers.to_vec(),
            ..request.clone()
        });
        let first = preflight_request(request);
        let Some(asked) = preflight::for_redirect(self.engine, &first, self.first_sent, remaining)
        else {
            return Ok(None);
        };
        let origin = if self.engine.redirect_preflight_sends_page_origin() {
            &request.origin
        } else {
            sent_origin
        };
        preflight::check(self.engine, answer, &asked, origin, self.include)
            .map(|passed| passed.deviation)
            .map_err(|failure| Blocked {
                failure,
                step: Step::Preflight,
                response: answer,
                hop: Some(index),
                sent_origin: origin.to_string(),
            })
    }
}

fn block(
    mut result: EngineVerdict,
    exchange: &Exchange,
    blocked: Blocked,
    include: bool,
) -> EngineVerdict {
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
    let fix_cx = fix::Context {
        page_origin: &request.origin,
        sent_origin: &blocked.sent_origin,
        step: blocked.step,
        include,
    };
    result.allowed = false;
    result.console = Some(console::line(result.engine, &blocked.failure, &console_cx));
    result.fix = Some(fix::fix(&blocked.failure, &fix_cx));
    result.step = Some(blocked.step);
    result.hop = blocked.hop;
    result.failure = Some(blocked.failure);
    result
}
