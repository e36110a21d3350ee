//! The fix as data: the smallest change to the server's answers that lets every engine read
//! the fetch, found by repairing each refusal the model reports and judging the patched
//! exchange again until nothing is refused. A patch is safe (the request's exact origin with
//! `Vary: Origin`, never `*` with credentials, never `null`) and never narrows what the server
//! allows today (its methods and headers stay listed; a 2xx status stays).
use super::classify::normalise_method;
use super::origin_of;
use super::redirect::{is_redirect, MAX_REDIRECTS};
use super::url::{resolve, same_origin};
use super::walk::judge;
use super::{header_map, preflight, Credentials, Engine, EngineVerdict, Exchange, Failure, Header};
use super::{Response, Step};

const ACAO: &str = "Access-Control-Allow-Origin";
const ACAC: &str = "Access-Control-Allow-Credentials";
const METHODS: &str = "Access-Control-Allow-Methods";
const HEADERS: &str = "Access-Control-Allow-Headers";
const VARY: &str = "Vary";
/// The status a repaired preflight answers with.
const PREFLIGHT_OK: u16 = 204;
/// Each round repairs at least one more response (the preflight, each hop, each target's
/// preflight), so a complete patch never needs more rounds than there are responses.
const MAX_ROUNDS: usize = 2 * (MAX_REDIRECTS + 1) + 2;

/// The response an edit changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The page's preflight (`None`), or the one sent to the target of redirect `Some(i)`.
    Preflight(Option<usize>),
    /// The redirect at this index in `responses`.
    Redirect(usize),
    /// The final response of the actual request.
    Response,
}

impl Target {
    /// `'preflight' | 'redirect' | 'response'`, as `Step` names them.
    pub fn step(self) -> &'static str {
        match self {
            Target::Preflight(_) => Step::Preflight.name(),
            Target::Redirect(_) => "redirect",
            Target::Response => Step::Response.name(),
        }
    }

    /// The redirect index: a redirect's own, or the one whose target got the preflight.
    pub fn hop(self) -> Option<usize> {
        match self {
            Target::Preflight(hop) => hop,
            Target::Redirect(index) => Some(index),
            Target::Response => None,
        }
    }

    /// Where `verdict` was refused in `exchange`; a response before the last one is named by
    /// its index, as redirects are.
    fn of(verdict: &EngineVerdict, exchange: &Exchange) -> Option<Target> {
        match (verdict.step?, verdict.hop) {
            (Step::Preflight, hop) => Some(Target::Preflight(hop)),
            (Step::Redirect(index), _) => Some(Target::Redirect(index)),
            (Step::Response, Some(index)) if index + 1 < exchange.responses.len() => {
                Some(Target::Redirect(index))
            }
            (Step::Response, _) => Some(Target::Response),
        }
    }
}

/// The changes to one response. `set` replaces every line of that header (so two layers'
/// duplicates become one); `status`, when set, replaces the status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The response changed.
    pub target: Target,
    /// Headers to set, each replacing every line of that name.
    pub set: Vec<Header>,
    /// Header names to remove.
    pub remove: Vec<String>,
    /// The status to answer with instead.
    pub status: Option<u16>,
    /// Why, per header name (or `status`), for the text: `(name, note)`.
    pub notes: Vec<(String, String)>,
}

impl Edit {
    fn new(target: Target) -> Edit {
        Edit {
            target,
            set: Vec::new(),
            remove: Vec::new(),
            status: None,
            notes: Vec::new(),
        }
    }

    fn set(&mut self, name: &str, value: String) {
        self.set.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.set.push((name.to_string(), value));
    }

    fn note(&mut self, name: &str, note: String) {
        if !self
            .notes
            .iter()
            .any(|(n, text)| n == name && *text == note)
        {
            self.notes.push((name.to_string(), note));
        }
    }

    fn apply(&self, response: &mut Response) {
        response.headers.retain(|(name, _)| {
            !self.remove.iter().any(|r| r.eq_ignore_ascii_case(name))
                && !self.set.iter().any(|(s, _)| s.eq_ignore_ascii_case(name))
        });
        response.headers.extend(self.set.iter().cloned());
        if let Some(status) = self.status {
            response.status = status;
        }
    }
}

/// Why no header patch lets the fetch through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocker {
    /// The refused request carried `Origin: null` (after a redirect to another origin, or
    /// from an opaque page): only `Access-Control-Allow-Origin: null` would pass, and any
    /// sandboxed page sends `null`. The fix is on the request: fetch `url` directly.
    NullOrigin {
        /// The URL to fetch instead; none when the page itself is opaque.
        url: Option<String>,
    },
    /// A refusal that is not about headers (a redirect loop, a redirect to a non-http URL or
    /// to one with `user:password@`).
    Failure(Failure),
}

/// The model's fix for one fetch.
#[derive(Clone, Debug)]
pub struct Patch {
    /// Per response, in the order they are met.
    pub edits: Vec<Edit>,
    /// Each engine's `allowed` on the patched exchange, in [`Engine::ALL`]'s order.
    pub allowed: Vec<(Engine, bool)>,
    /// Set when headers alone cannot make every engine allow; a `NullOrigin` patch has no edits.
    pub blocker: Option<Blocker>,
}

/// The patch for one exchange, judged by all three engines.
pub fn patch(exchange: &Exchange) -> Patch {
    patch_walks(&Engine::ALL.map(|engine| (engine, exchange)))
}

/// The patch that lets each engine through its own walk (engines send different preflights
/// to a redirect's target), so one patch covers every engine at once.
pub fn patch_walks(walks: &[(Engine, &Exchange)]) -> Patch {
    let mut edits: Vec<Edit> = Vec::new();
    let mut blocker = None;
    let mut before_sending = None;
    for _ in 0..MAX_ROUNDS {
        let before = edits.clone();
        for (engine, exchange) in walks {
            let patched = apply(exchange, &edits);
            let verdict = judge(*engine, &patched);
            if verdict.allowed {
                continue;
            }
            // No header lifts a block made before sending; the other engines still get theirs.
            if let Some(failure) = verdict.failure.as_ref().filter(|f| f.before_sending()) {
                before_sending = before_sending.or_else(|| Some(failure.clone()));
                continue;
            }
            if let Err(found) = repair(&mut edits, &patched, &verdict) {
                blocker = Some(found);
                break;
            }
        }
        if blocker.is_some() || edits == before {
            break;
        }
    }
    let blocker = blocker.or(before_sending.map(Blocker::Failure));
    // A refusal no header fixes may leave the edit opened for it empty.
    edits.retain(|edit| !edit.set.is_empty() || !edit.remove.is_empty() || edit.status.is_some());
    if matches!(blocker, Some(Blocker::NullOrigin { .. })) {
        edits.clear();
    } else if let Some((_, exchange)) = walks.first() {
        cover_unsent_response(&mut edits, exchange);
    }
    let allowed = walks
        .iter()
        .map(|(engine, exchange)| (*engine, judge(*engine, &apply(exchange, &edits)).allowed))
        .collect();
    Patch {
        edits,
        allowed,
        blocker,
    }
}

/// `exchange` with `edits` applied to the responses they target.
pub fn apply(exchange: &Exchange, edits: &[Edit]) -> Exchange {
    let mut patched = exchange.clone();
    for edit in edits {
        if let Some(response) = target_mut(&mut patched, edit.target) {
            edit.apply(response);
        }
    }
    patched
}

fn target_mut(exchange: &mut Exchange, target: Target) -> Option<&mut Response> {
    match target {
        Target::Preflight(None) => exchange.preflight.as_mut(),
        Target::Preflight(Some(hop)) => exchange.responses.get_mut(hop)?.preflight.as_deref_mut(),
        Target::Redirect(index) => exchange.responses.get_mut(index),
        Target::Response => exchange.responses.last_mut(),
    }
}

fn target(exchange: &Exchange, target: Target) -> Option<&Response> {
    match target {
        Target::Preflight(None) => exchange.preflight.as_ref(),
        Target::Preflight(Some(hop)) => exchange.responses.get(hop)?.preflight.as_deref(),
        Target::Redirect(index) => exchange.responses.get(index),
        Target::Response => exchange.responses.last(),
    }
}

/// Adds to `edits` what lets the response `verdict` refused pass.
fn repair(
    edits: &mut Vec<Edit>,
    exchange: &Exchange,
    verdict: &EngineVerdict,
) -> Result<(), Blocker> {
    let (Some(failure), Some(target_of)) =
        (verdict.failure.as_ref(), Target::of(verdict, exchange))
    else {
        return Ok(());
    };
    let Some(response) = target(exchange, target_of) else {
        return Ok(());
    };
    let index = match edits.iter().position(|e| e.target == target_of) {
        Some(index) => index,
        None => {
            edits.push(Edit::new(target_of));
            edits.len() - 1
        }
    };
    let edit = &mut edits[index];
    let include = exchange.request.credentials == Credentials::Include;
    let origin = verdict
        .sent_origin
        .as_deref()
        .unwrap_or(&exchange.request.origin);
    let headers = &response.headers;
    match failure {
        Failure::MissingAllowOrigin
        | Failure::WildcardWithCredentials
        | Failure::MultipleAllowOrigin(_)
        | Failure::InvalidAllowOrigin(_)
        | Failure::AllowOriginMismatch(_) => {
            if origin == "null" {
                return Err(Blocker::NullOrigin {
                    url: (exchange.request.origin != "null").then(|| response.url.clone()),
                });
            }
            if let Some(note) = origin_note(failure, origin) {
                edit.note(ACAO, note);
            }
            allow_origin(edit, headers, origin, include);
        }
        Failure::AllowCredentialsNotTrue(value) => {
            if value.contains(',') {
                edit.note(
                    ACAC,
                    format!("it was '{value}': sent more than once, e.g. by a proxy and the app"),
                );
            }
            edit.set(ACAC, "true".into());
        }
        Failure::PreflightStatus(status) => {
            edit.status = Some(PREFLIGHT_OK);
            edit.note("status", format!("it got {status}: route OPTIONS to the CORS layer before authentication, CSRF or method checks"));
        }
        Failure::PreflightRedirect => {
            edit.status = Some(PREFLIGHT_OK);
            if !edit.remove.iter().any(|name| name == "Location") {
                edit.remove.push("Location".into());
            }
            edit.note(
                "status",
                "a preflight is never redirected; or call the final URL directly".into(),
            );
        }
        Failure::InvalidAllowMethods(_) => {
            edit.set(METHODS, list_with(headers, METHODS, None, include).0);
        }
        Failure::MethodNotAllowed(method) => {
            let (list, note) = list_with(headers, METHODS, Some(method), include);
            if let Some(note) = note {
                edit.note(METHODS, note);
            }
            edit.set(METHODS, list);
        }
        Failure::InvalidAllowHeaders(_) => {
            edit.set(HEADERS, list_with(headers, HEADERS, None, include).0);
        }
        Failure::HeaderNotAllowed(name) => {
            let (list, note) = list_with(headers, HEADERS, Some(name), include);
            if let Some(note) = note {
                edit.note(HEADERS, note);
            }
            edit.set(HEADERS, list);
        }
        Failure::RedirectWithCredentials(_)
        | Failure::TooManyRedirects
        | Failure::RedirectScheme(_)
        | Failure::MixedContent
        | Failure::LocalNetworkAccess(_)
        | Failure::InsecurePrivateNetwork(_)
        | Failure::AddressSpaceMismatch { .. } => return Err(Blocker::Failure(failure.clone())),
    }
    Ok(())
}

/// The request's exact origin, with `Vary: Origin` and, for a credentialed fetch,
/// `Access-Control-Allow-Credentials: true`: everything the CORS check asks of one response.
fn allow_origin(edit: &mut Edit, headers: &[Header], origin: &str, include: bool) {
    edit.set(ACAO, origin.to_string());
    if include && header_map::get(headers, ACAC).as_deref() != Some("true") {
        edit.set(ACAC, "true".into());
    }
    let vary = header_map::get(headers, VARY).unwrap_or_default();
    let varies = vary
        .split(',')
        .any(|item| matches!(item.trim().to_ascii_lowercase().as_str(), "origin" | "*"));
    if !varies {
        let value = if vary.trim().is_empty() {
            "Origin".to_string()
        } else {
            format!("{vary}, Origin")
        };
        edit.set(VARY, value);
    }
}

fn origin_note(failure: &Failure, origin: &str) -> Option<String> {
    match failure {
        Failure::WildcardWithCredentials => {
            Some("* is refused with credentials: send the page's exact origin".into())
        }
        Failure::MultipleAllowOrigin(value) => Some(format!(
            "it was '{value}': one value only; check that a proxy and the app do not both add it"
        )),
        Failure::InvalidAllowOrigin(value) | Failure::AllowOriginMismatch(value) => {
            let how = crate::origin::difference::difference(origin, value)
                .map(|difference| format!(": it {}", difference.describe()))
                .unwrap_or_default();
            Some(format!("it was '{value}'{how}"))
        }
        _ => None,
    }
}

/// The `name` list (Allow-Methods or Allow-Headers) as the server sends it, made parsable,
/// with `wanted` added. Nothing listed goes, except a method spelt in another case, which
/// `fetch()` never sends (it upper-cases the standard methods). Also why, when not obvious.
fn list_with(
    headers: &[Header],
    name: &str,
    wanted: Option<&str>,
    include: bool,
) -> (String, Option<String>) {
    let current = header_map::get(headers, name).unwrap_or_default();
    let mut items: Vec<String> = Vec::new();
    for item in current.split(',').flat_map(|item| item.split_whitespace()) {
        if preflight::is_token(item) && !items.iter().any(|i| i == item) {
            items.push(item.to_string());
        }
    }
    let mut note = None;
    if let Some(wanted) = wanted {
        let methods = name == METHODS;
        let respelt: Vec<String> = items
            .iter()
            .filter(|i| methods && *i != wanted && normalise_method(i) == wanted)
            .cloned()
            .collect();
        if let Some(spelt) = respelt.first() {
            note = Some(format!(
                "method names are case-sensitive: {spelt} does not allow {wanted}"
            ));
            items.retain(|i| !respelt.contains(i));
        } else if include && items.iter().any(|i| i == "*") {
            note = Some(format!(
                "with credentials a * there is taken literally, so list {wanted} by name"
            ));
        }
        let listed = items.iter().any(|i| {
            if methods {
                i == wanted
            } else {
                i.eq_ignore_ascii_case(wanted)
            }
        });
        if !listed {
            items.push(wanted.to_string());
        }
    }
    (items.join(", "), note)
}

/// When every engine stopped before the final response (at the preflight, or at a redirect
/// none followed), that response was never received; once the patch lets them on, it needs the
/// CORS check's headers too, so the patch names them. A redirect to another origin is left
/// out: the Origin sent there is the model's to judge when that hop is seen.
fn cover_unsent_response(edits: &mut Vec<Edit>, exchange: &Exchange) {
    let request = &exchange.request;
    let cross_origin = origin_of(&request.url).as_deref() != Some(request.origin.as_str());
    let (unsent, note) = match exchange.responses.last() {
        None => (
            exchange.preflight.is_some(),
            "the actual request was not sent; its response needs these too",
        ),
        Some(last) => (
            is_redirect(last)
                && header_map::get(&last.headers, "location")
                    .and_then(|location| resolve(&last.url, &location))
                    .is_some_and(|next| same_origin(&last.url, &next)),
            "the redirect was not followed; its target's response needs these too",
        ),
    };
    if !unsent || edits.is_empty() || !cross_origin {
        return;
    }
    let mut edit = Edit::new(Target::Response);
    allow_origin(
        &mut edit,
        &[],
        &request.origin,
        request.credentials == Credentials::Include,
    );
    edit.note(ACAO, note.into());
    edits.push(edit);
}
