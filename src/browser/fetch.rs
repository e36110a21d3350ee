//! One exchange walked as a browser walks it: the preflight if one is needed, then each
//! response of the actual request, redirects first. The result is one verdict per engine.
use super::classify::{preflight_request, PreflightRequest};
use super::url::{has_credentials, origin_of, same_origin};
use super::{console, cors_check, fix, header_map, preflight};
use super::{Credentials, Engine, Exchange, Failure, Response, Step};

/// A fetch follows at most this many redirects.
const MAX_REDIRECTS: usize = 20;

/// What one engine does with the exchange.
#[derive(Clone, Debug)]
pub struct EngineVerdict {
    pub engine: Engine,
    /// Whether the page can read the final response.
    pub allowed: bool,
    pub step: Option<Step>,
    /// The index in `responses` of the response that failed (none for the preflight).
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

struct Blocked {
    failure: Failure,
    step: Step,
    /// The response it happened on.
    at: usize,
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
                    at: 0,
                    sent_origin: request.origin.clone(),
                };
                return block(result, exchange, response, blocked, include);
            }
        }
    }
    if let Err(blocked) = walk(engine, exchange, cross_origin, include) {
        let response = &exchange.responses[blocked.at];
        return block(result, exchange, response, blocked, include);
    }
    result
}

/// The CORS check on every response once the fetch is cross-origin, and the redirect rules.
fn walk(
    engine: Engine,
    exchange: &Exchange,
    cross_origin: bool,
    include: bool,
) -> Result<(), Blocked> {
    let page = &exchange.request.origin;
    let mut cors = cross_origin;
    let mut sent_origin = page.clone();
    let last = exchange.responses.len().saturating_sub(1);
    for (index, response) in exchange.responses.iter().enumerate() {
        let redirect = index < last && preflight::is_redirect(response);
        let step = if redirect {
            Step::Redirect(index)
        } else {
            Step::Response
        };
        let fail = |failure| Blocked {
            failure,
            step,
            at: index,
            sent_origin: sent_origin.clone(),
        };
        if cors {
            cors_check::check(engine, &response.headers, &sent_origin, include).map_err(fail)?;
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
        let next = &exchange.responses[index + 1].url;
        let location = header_map::get(&response.headers, "location")
            .unwrap_or_default()
            .into_owned();
        let next_cross_origin = origin_of(next).as_deref() != Some(page.as_str());
        if (cors || next_cross_origin) && (has_credentials(next) || has_credentials(&location)) {
            return Err(fail(Failure::RedirectWithCredentials(location)));
        }
        // *HTTP-redirect fetch*: a hop between two origins, from a URL not of the page's
        // origin, taints the request's origin, which is then sent as `null`.
        if !same_origin(&response.url, next)
            && origin_of(&response.url).as_deref() != Some(page.as_str())
        {
            sent_origin = "null".to_string();
        }
        cors |= next_cross_origin;
    }
    Ok(())
}

fn block(
    mut result: EngineVerdict,
    exchange: &Exchange,
    response: &Response,
    blocked: Blocked,
    include: bool,
) -> EngineVerdict {
    let request = &exchange.request;
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
    result.hop = (blocked.step != Step::Preflight).then_some(blocked.at);
    result.failure = Some(blocked.failure);
    result
}
