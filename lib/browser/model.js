'use strict'
// The browser model (Rust, src/browser/) for JS: what Chromium, Firefox and WebKit do with
// one cross-origin fetch and the responses it got.
const addon = require('../addon')

const CREDENTIALS = new Set(['omit', 'same-origin', 'include'])
const ENGINES = ['chromium', 'firefox', 'webkit']

function pairs(headers, where) {
  if (headers === undefined || headers === null) return []
  if (!Array.isArray(headers)) throw new TypeError(`${where}.headers must be an array of [name, value] pairs`)
  return headers.map((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError(`${where}.headers[${i}] must be a [name, value] pair`)
    return [String(pair[0]), String(pair[1])]
  })
}

function response(value, where) {
  if (!value || typeof value !== 'object') throw new TypeError(`${where} must be an object`)
  const status = Number(value.status)
  if (!Number.isInteger(status) || status < 0 || status > 999) throw new TypeError(`${where}.status must be an HTTP status`)
  return { url: value.url === undefined ? undefined : String(value.url), status, headers: pairs(value.headers, where) }
}

/** A response of the actual request; a followed redirect may carry the preflight sent to its target. */
function hop(value, where) {
  const result = response(value, where)
  if (value.preflight === undefined || value.preflight === null) return result
  const preflight = response(value.preflight, `${where}.preflight`)
  if (preflight.url === undefined) throw new TypeError(`${where}.preflight.url must be the redirect target's URL`)
  return { ...result, preflight }
}

function request(value) {
  if (!value || typeof value !== 'object') throw new TypeError('exchange.request must be an object')
  const credentials = value.credentials ?? 'same-origin'
  if (!CREDENTIALS.has(credentials)) throw new TypeError(`request.credentials must be 'omit', 'same-origin' or 'include', not ${JSON.stringify(credentials)}`)
  return {
    url: String(value.url),
    origin: String(value.origin),
    method: String(value.method ?? 'GET'),
    headers: pairs(value.headers, 'request'),
    credentials,
    ...network(value),
  }
}

/** Where the page and the server are and the user's answers; each absent one is the model's default. */
function network(value) {
  const optional = (v) => (v === undefined || v === null ? undefined : String(v))
  const permissions = value.permissions ?? {}
  return {
    pageAddressSpace: optional(value.pageAddressSpace),
    serverAddressSpace: optional(value.serverAddressSpace),
    targetAddressSpace: optional(value.targetAddressSpace),
    loopbackNetwork: optional(permissions['loopback-network']),
    localNetwork: optional(permissions['local-network']),
  }
}

/**
 * `exchange`: `{ request: { url, origin, method, headers: [[name, value]...], credentials },
 * preflight: null | { status, headers }, responses: [{ url, status, headers, preflight? }...] }`;
 * `responses` is empty when the actual request was not sent, and then only the preflight is
 * judged. A redirect the browser followed may carry `preflight: { url, status, headers }`, the
 * answer to the preflight it sent to the redirect's target (engines differ in sending it); a
 * last response that is such a redirect is one whose target's preflight failed.
 * Returns `{ preflightNeeded, crossOrigin, requestMethod, requestHeaders, engines: { chromium,
 * firefox, webkit } }`, each engine `{ allowed, step, hop, failure, console, fix,
 * preflightCacheSeconds, deviation }`.
 */
function predict(exchange) {
  const prediction = addon.browserPredict(exchangeInput(exchange))
  for (const engine of ENGINES) prediction.engines[engine] = verdict(prediction.engines[engine])
  return prediction
}

/** One engine's verdict with every field present (null when it does not apply), as browser.d.ts types it. */
function verdict(engine) {
  return {
    allowed: engine.allowed,
    step: engine.step ?? null,
    hop: engine.hop ?? null,
    failure: engine.failure ?? null,
    console: engine.console ?? null,
    fix: engine.fix ?? null,
    preflightCacheSeconds: engine.preflightCacheSeconds ?? null,
    deviation: engine.deviation ?? null,
    prompt: engine.prompt,
  }
}

function exchangeInput(exchange) {
  if (!exchange || typeof exchange !== 'object') throw new TypeError('an exchange must be an object')
  if (!Array.isArray(exchange.responses)) throw new TypeError('exchange.responses must list every response, the final one last')
  return {
    request: request(exchange.request),
    preflight: exchange.preflight ? response(exchange.preflight, 'exchange.preflight') : undefined,
    responses: exchange.responses.map((r, i) => hop(r, `exchange.responses[${i}]`)),
  }
}

/**
 * The model's patch: the smallest change to the server's answers that lets every engine read
 * the fetch, re-judged by the model. `exchanges` is one exchange (the shape `predict` takes)
 * or each engine's own walk, `{ chromium, firefox, webkit }`. Returns `{ patch: [{ step, hop,
 * set, remove, status }], verdicts: { chromium, firefox, webkit }, blocker: null | { code, url },
 * text }`; `set` replaces every line of a header; `blocker` says why headers alone cannot make
 * it pass (`null-origin`: fetch `url` directly).
 */
function patch(exchanges) {
  const walks = exchanges && exchanges.request ? { chromium: exchanges, firefox: exchanges, webkit: exchanges } : exchanges
  if (!walks || typeof walks !== 'object') throw new TypeError('patch() takes an exchange or { chromium, firefox, webkit } exchanges')
  const found = addon.browserPatch(Object.fromEntries(ENGINES.map((name) => [name, exchangeInput(walks[name])])))
  return {
    patch: found.edits.map((edit) => ({ step: edit.step, hop: edit.hop ?? null, set: edit.set, remove: edit.remove, status: edit.status ?? null })),
    verdicts: found.verdicts,
    blocker: found.blocker ? { code: found.blocker.code, url: found.blocker.url ?? null } : null,
    text: found.text,
  }
}

/**
 * What `engine` sends next, given the exchange so far (the shape `predict` takes), or null once
 * the fetch is over: `{ purpose: 'preflight' | 'actual', url, method, headers, body }`, the
 * headers exactly as the browser sends them, `body` whether the page's body goes along.
 */
function nextRequest(engine, exchange) {
  if (!ENGINES.includes(engine)) throw new TypeError(`engine must be 'chromium', 'firefox' or 'webkit', not ${JSON.stringify(engine)}`)
  return addon.browserNextRequest(engine, exchangeInput(exchange))
}

/** The address space of a host or IP address: 'public', 'local' or 'loopback'. */
function addressSpace(host) {
  return addon.browserAddressSpace(String(host))
}

/**
 * What each engine does with the cookies of `exchange` (the shape `predict` takes): `held`, a
 * list of `Set-Cookie`-style strings the browser already holds from a first-party visit to the
 * URL's own site, then every `Set-Cookie` of each response. Returns `[{ name, setBy, attributes,
 * engines: { chromium, chromiumThirdPartyAllowed, firefox, webkit } }]`, each engine
 * `{ stored, sent, reason, fix }`; `attributes` is null for a header that states no cookie.
 */
function cookieReport(exchange, held = [], now = Date.now()) {
  if (!Array.isArray(held)) throw new TypeError('held cookies must be an array of strings')
  return addon.cookieReport(exchangeInput(exchange), held.map(String), now).map((cookie) => ({
    name: cookie.name,
    setBy: cookie.setBy ?? null,
    attributes: cookie.attributes ? attributes(cookie.attributes) : null,
    engines: Object.fromEntries(Object.entries(cookie.engines).map(([name, v]) => [name, { stored: v.stored, sent: v.sent, reason: v.reason ?? null, fix: v.fix ?? null }])),
  }))
}

/** For a credentialed fetch from `page` to `url` on another site: why no cookie attribute makes a session work in every engine, and what does; null when same-site. */
function crossSiteCookieNote(page, url) {
  return addon.cookieCrossSiteNote(String(page), String(url)) ?? null
}

function attributes(a) {
  return {
    domain: a.domain ?? null,
    path: a.path ?? null,
    secure: a.secure,
    httpOnly: a.httpOnly,
    sameSite: a.sameSite,
    partitioned: a.partitioned,
    maxAge: a.maxAge ?? null,
    expires: a.expires === undefined || a.expires === null ? null : new Date(a.expires * 1000).toISOString(),
  }
}

/** Whether `request` (`{ url, origin, method, headers, credentials }`) is preflighted, and what the preflight asks: `{ needed, method, headers }`. */
function preflightRequest(value) {
  return addon.browserPreflightRequest(request(value))
}

/** The preflight `request` would get from its page, whether or not it needs one. */
function preflightFor(value) {
  return addon.browserPreflightFor(request(value))
}

/** The serialised origin of an http(s) URL, or null. */
function originOf(url) {
  return addon.browserOriginOf(String(url))
}

/** The CORS-safelisted methods (GET, HEAD, POST): never preflighted. */
function safelistedMethods() {
  return addon.browserSafelistedMethods()
}

/** Why fetch() refuses this method, or null. */
function forbiddenMethod(method) {
  return addon.browserForbiddenMethod(String(method))
}

/** Why a page cannot set this request header (browsers drop it), or null. */
function forbiddenHeader(name, value = '') {
  return addon.browserForbiddenHeader(String(name), String(value))
}

/**
 * A pasted console line (or DevTools' CORS error name) read back against the model's own
 * texts, or null when none fits: `{ engine, failure, alternatives, step, url, redirectedFrom,
 * origin, value, status, generic, explanation, fix }`; `origin` is quoted in the fix when the
 * line names none.
 */
function readConsole(text, origin) {
  const reading = addon.browserReadConsole(String(text), origin === undefined ? undefined : String(origin))
  if (!reading) return null
  const { engine = null, step = null, url = null, redirectedFrom = null, value = null, targetSpace = null, status = null } = reading
  return { ...reading, engine, step, url, redirectedFrom, origin: reading.origin ?? null, value, targetSpace, status }
}

module.exports = { readConsole, addressSpace, predict, patch, cookieReport, crossSiteCookieNote, nextRequest, preflightRequest, preflightFor, originOf, safelistedMethods, forbiddenMethod, forbiddenHeader }
