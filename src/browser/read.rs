//! A pasted console line (or the reason DevTools' Network panel shows) read back into what
//! failed, against the very templates `console.rs` prints from. Nothing is guessed: a line
//! that fits no template is not read, and a line several failures print names them all.
use super::console::{
    chromium_preflight_prefix, Shape, CHROMIUM, CHROMIUM_PREFLIGHT, CHROMIUM_REDIRECTED, FIREFOX,
    FORMS, WEBKIT_URL,
};
use super::{Engine, Step};

/// What one line says.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// `None` for a DevTools reason, which every Chromium-based browser shows alike.
    pub engine: Option<Engine>,
    /// The code of the failure: a `Failure::code` (a CORS check's, or a block before sending:
    /// `local-network-access`, `insecure-private-network`, `address-space-mismatch`,
    /// `mixed-content`).
    pub failure: &'static str,
    /// Other failures the same words stand for.
    pub alternatives: Vec<&'static str>,
    /// Where the fetch failed, when the line says.
    pub step: Option<Step>,
    /// The URL the failing answer came from.
    pub url: Option<String>,
    /// The URL the page fetched, when the line says it was redirected.
    pub redirected_from: Option<String>,
    /// The page's origin (Chromium), or the Origin sent (WebKit).
    pub origin: Option<String>,
    /// The value the line quotes (a header value, method, header name, URL, address space).
    pub value: Option<String>,
    /// The address space the page asked for (`address-space-mismatch`).
    pub target_space: Option<String>,
    /// The HTTP status the line quotes.
    pub status: Option<u16>,
    /// The words are what the engine prints for any failed fetch, so they name no failure.
    pub generic: bool,
}

/// Reads the first line of `text` that fits a form; WebKit's URL line may come with it.
pub fn read(text: &str) -> Option<Reading> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut reading = lines
        .iter()
        .find_map(|line| read_line(line).filter(|r| !r.generic))
        .or_else(|| lines.iter().find_map(|line| read_line(line)))?;
    if reading.url.is_none() && reading.engine == Some(Engine::Webkit) {
        reading.url = lines.iter().find_map(|line| {
            let holes = holes(WEBKIT_URL, line)?;
            hole(&holes, "url").map(String::from)
        });
    }
    Some(reading)
}

fn read_line(line: &str) -> Option<Reading> {
    // Chromium's DevTools names a failure after a "CORS error" status.
    let reason = [
        "CORS error: ",
        "Cross-Origin Resource Sharing error: ",
        "CORS error ",
    ]
    .iter()
    .find_map(|prefix| line.strip_prefix(prefix))
    .unwrap_or(line);
    if let Some(reading) = devtools(reason) {
        return Some(reading);
    }
    for engine in [Engine::Chromium, Engine::Firefox, Engine::Webkit] {
        if let Some(reading) = whole(engine, line).or_else(|| framed(engine, line)) {
            return Some(reading);
        }
    }
    None
}

/// A line that is one form of `engine` from end to end.
fn whole(engine: Engine, line: &str) -> Option<Reading> {
    let found = fitting(engine, line, |shape| shape != Shape::Reason)?;
    let mut reading = found.reading(engine);
    // The mixed-content line names the page, not its origin.
    if let Some(page) = hole(&found.holes, "page") {
        reading.origin = super::origin_of(page);
    }
    Some(reading)
}

/// A reason inside the engine's frame.
fn framed(engine: Engine, line: &str) -> Option<Reading> {
    let frame = match engine {
        Engine::Chromium => [CHROMIUM_REDIRECTED, CHROMIUM]
            .into_iter()
            .find_map(|frame| holes(frame, line))?,
        Engine::Firefox => holes(FIREFOX, line)?,
        _ => return None,
    };
    let mut reason = hole(&frame, "reason")?;
    let mut preflight = false;
    if engine == Engine::Chromium {
        if let Some(inner) = holes(CHROMIUM_PREFLIGHT, reason) {
            reason = hole(&inner, "reason")?;
            preflight = true;
        }
    }
    let found = fitting(engine, reason, |shape| shape == Shape::Reason)?;
    if preflight && !chromium_preflight_prefix(found.code) {
        return None;
    }
    let mut reading = found.reading(engine);
    reading.url = hole(&frame, "url").map(String::from);
    reading.redirected_from = hole(&frame, "from").map(String::from);
    reading.origin = hole(&frame, "origin").map(String::from);
    // Chromium says so when the preflight failed; what it prints for the actual request
    // never depends on whether a preflight came first.
    let cors =
        super::Failure::from_code(reading.failure, "", 0).is_some_and(|f| !f.before_sending());
    if engine == Engine::Chromium && cors && reading.step.is_none() {
        reading.step = Some(if preflight {
            Step::Preflight
        } else {
            Step::Response
        });
    }
    Some(reading)
}

struct Found<'l> {
    code: &'static str,
    alternatives: Vec<&'static str>,
    shape: Shape,
    holes: Holes<'l>,
}

impl Found<'_> {
    fn reading(&self, engine: Engine) -> Reading {
        let holes = &self.holes;
        let step = [self.code]
            .iter()
            .chain(&self.alternatives)
            .map(|code| step_of(code))
            .reduce(|a, b| if a == b { a } else { None })
            .flatten();
        Reading {
            engine: Some(engine),
            failure: self.code,
            alternatives: self.alternatives.clone(),
            step,
            url: hole(holes, "url").map(String::from),
            origin: hole(holes, "sent").map(String::from),
            value: hole(holes, "value").map(String::from),
            target_space: hole(holes, "target").map(String::from),
            status: hole(holes, "status").and_then(|s| s.parse().ok()),
            generic: self.shape == Shape::Generic,
            redirected_from: None,
        }
    }
}

/// The first form of `engine` that `text` fits, with the other failures that fit too.
fn fitting<'l>(engine: Engine, text: &'l str, shape: impl Fn(Shape) -> bool) -> Option<Found<'l>> {
    let mut fits = FORMS
        .iter()
        .filter(|form| form.engine == engine && shape(form.shape))
        .filter_map(|form| Some((form, holes(form.text, text)?)));
    let (form, holes) = fits.next()?;
    let mut alternatives: Vec<&'static str> = Vec::new();
    for (other, _) in fits {
        if other.code != form.code && !alternatives.contains(&other.code) {
            alternatives.push(other.code);
        }
    }
    Some(Found {
        code: form.code,
        alternatives,
        shape: form.shape,
        holes,
    })
}

/// The step a failure can only happen at, whatever the engine.
fn step_of(code: &str) -> Option<Step> {
    match code {
        "preflight-status"
        | "preflight-redirect"
        | "invalid-allow-methods"
        | "invalid-allow-headers"
        | "method-not-allowed"
        | "header-not-allowed" => Some(Step::Preflight),
        "redirect-with-credentials" | "redirect-scheme" | "too-many-redirects" => {
            Some(Step::Redirect(0))
        }
        _ => None,
    }
}

/// DevTools' names for Chromium's `network::mojom::CorsError` values: the failure, and the
/// step when the name says it.
const DEVTOOLS: &[(&str, &str, Option<Step>)] = &[
    (
        "MissingAllowOriginHeader",
        "missing-allow-origin",
        Some(Step::Response),
    ),
    (
        "WildcardOriginNotAllowed",
        "wildcard-with-credentials",
        Some(Step::Response),
    ),
    (
        "MultipleAllowOriginValues",
        "multiple-allow-origin",
        Some(Step::Response),
    ),
    (
        "InvalidAllowOriginValue",
        "invalid-allow-origin",
        Some(Step::Response),
    ),
    (
        "AllowOriginMismatch",
        "allow-origin-mismatch",
        Some(Step::Response),
    ),
    (
        "InvalidAllowCredentials",
        "allow-credentials-not-true",
        Some(Step::Response),
    ),
    (
        "PreflightMissingAllowOriginHeader",
        "missing-allow-origin",
        Some(Step::Preflight),
    ),
    (
        "PreflightWildcardOriginNotAllowed",
        "wildcard-with-credentials",
        Some(Step::Preflight),
    ),
    (
        "PreflightMultipleAllowOriginValues",
        "multiple-allow-origin",
        Some(Step::Preflight),
    ),
    (
        "PreflightInvalidAllowOriginValue",
        "invalid-allow-origin",
        Some(Step::Preflight),
    ),
    (
        "PreflightAllowOriginMismatch",
        "allow-origin-mismatch",
        Some(Step::Preflight),
    ),
    (
        "PreflightInvalidAllowCredentials",
        "allow-credentials-not-true",
        Some(Step::Preflight),
    ),
    (
        "PreflightInvalidStatus",
        "preflight-status",
        Some(Step::Preflight),
    ),
    (
        "PreflightDisallowedRedirect",
        "preflight-redirect",
        Some(Step::Preflight),
    ),
    (
        "InvalidAllowMethodsPreflightResponse",
        "invalid-allow-methods",
        Some(Step::Preflight),
    ),
    (
        "InvalidAllowHeadersPreflightResponse",
        "invalid-allow-headers",
        Some(Step::Preflight),
    ),
    (
        "MethodDisallowedByPreflightResponse",
        "method-not-allowed",
        Some(Step::Preflight),
    ),
    (
        "HeaderDisallowedByPreflightResponse",
        "header-not-allowed",
        Some(Step::Preflight),
    ),
    (
        "RedirectContainsCredentials",
        "redirect-with-credentials",
        Some(Step::Redirect(0)),
    ),
    (
        "CorsDisabledScheme",
        "redirect-scheme",
        Some(Step::Redirect(0)),
    ),
    (
        "LocalNetworkAccessPermissionDenied",
        "local-network-access",
        None,
    ),
    (
        "PrivateNetworkAccessPermissionDenied",
        "local-network-access",
        None,
    ),
    ("InsecureLocalNetwork", "insecure-private-network", None),
    ("InsecurePrivateNetwork", "insecure-private-network", None),
    ("InvalidLocalNetworkAccess", "address-space-mismatch", None),
    (
        "InvalidPrivateNetworkAccess",
        "address-space-mismatch",
        None,
    ),
    (
        "UnexpectedPrivateNetworkAccess",
        "address-space-mismatch",
        None,
    ),
];

fn devtools(name: &str) -> Option<Reading> {
    let &(_, failure, step) = DEVTOOLS.iter().find(|(known, ..)| *known == name.trim())?;
    Some(Reading {
        failure,
        step,
        ..Reading::default()
    })
}

type Holes<'l> = Vec<(&'static str, &'l str)>;

fn hole<'l>(holes: &Holes<'l>, name: &str) -> Option<&'l str> {
    holes.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// The holes' values when `text` fits `template`, `None` when it does not. Each hole ends at
/// the first place its following words appear (the last at the line's end), in one pass, so
/// a hostile line costs no more than its length. A status must be a number.
fn holes<'l>(template: &'static str, text: &'l str) -> Option<Holes<'l>> {
    let mut parts = template.split('{');
    let first = parts.next()?;
    let mut rest = text.strip_prefix(first)?;
    let mut found = Vec::new();
    let mut parts = parts.peekable();
    while let Some(part) = parts.next() {
        let (name, words) = part.split_once('}')?;
        let end = if words.is_empty() {
            rest.len()
        } else if parts.peek().is_none() {
            rest.strip_suffix(words)?.len()
        } else {
            rest.find(words)?
        };
        let value = &rest[..end];
        if name == "status" && (value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        found.push((name, value));
        rest = &rest[end + words.len()..];
    }
    rest.is_empty().then_some(found)
}
