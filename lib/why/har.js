'use strict'
// judgeHar(file): every cross-origin fetch recorded in a HAR (DevTools' or Playwright's
// export from Chromium, Firefox's), judged offline by the browser model, one `check`-shaped
// result per request. The HAR is data: bounded in size and entries, checked field by field.
const fs = require('fs')
const { predict, originOf } = require('../browser/model')
const { isPreflight: isPreflightRequest } = require('../pipeline/preflight')
const { UsageError, FORMAT_VERSION } = require('../check')

const MAX_HAR_BYTES = 64 * 1024 * 1024
const MAX_ENTRIES = 20_000
// The types Chromium gives a page's fetch() and XMLHttpRequest; Firefox's HAR has no type.
const FETCH_TYPES = new Set(['fetch', 'xhr', 'preflight'])
const ENGINE_OF = { webinspector: 'chromium', chromium: 'chromium', 'google chrome': 'chromium', 'microsoft edge': 'chromium', firefox: 'firefox', webkit: 'webkit', safari: 'webkit' }

function readHar(file) {
  let size
  try {
    size = fs.statSync(file).size
  } catch (error) {
    throw new UsageError(`--har ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
  }
  if (size > MAX_HAR_BYTES) throw new UsageError(`--har ${file} is ${size} bytes, over the ${MAX_HAR_BYTES / 1024 / 1024} MiB limit; export only the failing page's requests`)
  let har
  try {
    har = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`--har ${file} is not JSON (${error.message}); export it from DevTools' Network panel with "Save all as HAR"`)
  }
  const entries = har?.log?.entries
  if (!Array.isArray(entries)) throw new UsageError(`--har ${file} has no log.entries list, so it is not a HAR; export it from DevTools' Network panel with "Save all as HAR"`)
  if (entries.length > MAX_ENTRIES) throw new UsageError(`--har ${file} holds ${entries.length} entries, over the limit of ${MAX_ENTRIES}`)
  return { entries: entries.map((entry, i) => checkEntry(entry, `${file}: log.entries[${i}]`)), engine: recordedBy(har.log) }
}

function pairs(headers, where) {
  if (!Array.isArray(headers)) throw new UsageError(`${where}.headers must be a list of { name, value }`)
  return headers.map((h, i) => {
    if (typeof h?.name !== 'string' || typeof h?.value !== 'string') throw new UsageError(`${where}.headers[${i}] must be { name, value } strings`)
    return [h.name, h.value]
  })
}

function checkEntry(entry, where) {
  const { request, response } = entry ?? {}
  if (typeof request?.method !== 'string' || typeof request?.url !== 'string') throw new UsageError(`${where}.request needs a method and a url`)
  if (typeof response?.status !== 'number') throw new UsageError(`${where}.response needs a numeric status`)
  const failed = response.status <= 0 || Boolean(response._error || response._failureText)
  return {
    method: request.method,
    url: request.url,
    headers: pairs(request.headers, `${where}.request`),
    cookies: Array.isArray(request.cookies) && request.cookies.length > 0,
    type: typeof entry._resourceType === 'string' ? entry._resourceType.toLowerCase() : null,
    status: response.status,
    responseHeaders: pairs(response.headers ?? [], `${where}.response`),
    redirectURL: typeof response.redirectURL === 'string' ? response.redirectURL : '',
    failure: failed ? String(response._failureText || response._error || 'failed') : null,
  }
}

function recordedBy(log) {
  const name = String(log.browser?.name ?? log.creator?.name ?? '').toLowerCase()
  return ENGINE_OF[name] ?? null
}

const header = (headers, name) => headers.find(([n]) => n.toLowerCase() === name)?.[1]

/**
 * The page's origin: the Origin the request carried, else, for a request typed as a fetch (a
 * blocked one may be recorded without its Origin), its Referer's. An untyped request without
 * Origin (Firefox's HAR: an image, a script) is no CORS request.
 */
function pageOrigin(entry) {
  const origin = header(entry.headers, 'origin')
  if (origin) return origin
  const referer = header(entry.headers, 'referer')
  return referer && entry.type !== null ? originOf(referer) : null
}

const isPreflight = (entry) => entry.type === 'preflight' || isPreflightRequest(entry.method, header(entry.headers, 'access-control-request-method'))

/** The headers the page set, as far as the HAR shows them: those its preflight asked for, and Content-Type. */
function pageHeaders(entry, preflight) {
  const asked = preflight ? (header(preflight.headers, 'access-control-request-headers') ?? '').split(',').map((n) => n.trim().toLowerCase()).filter(Boolean) : []
  return entry.headers.filter(([name]) => name.toLowerCase() === 'content-type' || asked.includes(name.toLowerCase()))
}

const answered = (entry) => (entry.failure && entry.responseHeaders.length === 0 ? null : { url: entry.url, status: entry.status, headers: entry.responseHeaders })

/** The recorded browser blocked a request whose answer the HAR does not hold. */
function recordedOnly(engine, entry) {
  return {
    [engine ?? 'chromium']: {
      allowed: false, step: null, hop: null, failure: null, preflightCacheSeconds: null, deviation: null,
      console: `the HAR records the request as failed (${entry.failure}) and holds no answer to judge`,
      fix: `run cors-native why with the console line, or cors-native check ${entry.url}`,
    },
  }
}

/** One result per cross-origin fetch, in the HAR's order; redirects are followed as hops of one fetch. */
function judgeHar(file) {
  const { entries, engine } = readHar(file)
  const redirectTargets = new Set()
  const hops = new Map()
  for (const [i, entry] of entries.entries()) {
    if (!entry.redirectURL || entry.status < 300 || entry.status > 399) continue
    const next = entries.findIndex((later, j) => j > i && !redirectTargets.has(j) && later.url === entry.redirectURL && !isPreflight(later))
    if (next !== -1) {
      redirectTargets.add(next)
      hops.set(i, next)
    }
  }
  const paired = new Set()
  const results = []
  for (const [i, entry] of entries.entries()) {
    if (redirectTargets.has(i) || isPreflight(entry)) continue
    if (entry.type !== null && !FETCH_TYPES.has(entry.type)) continue
    const origin = pageOrigin(entry)
    if (!origin || originOf(entry.url) === origin) continue
    let chain = [entry]
    for (let at = i; hops.has(at); at = hops.get(at)) chain.push(entries[hops.get(at)])
    const p = entries.findLastIndex((e, j) => j < i && !paired.has(j) && isPreflight(e) && e.url === entry.url)
    if (p !== -1) paired.add(p)
    const preflight = p === -1 ? null : entries[p]
    results.push(judge({ entry, chain, preflight, origin, engine }))
  }
  return results
}

function judge({ entry, chain, preflight, origin, engine }) {
  const credentials = entry.cookies || header(entry.headers, 'cookie') !== undefined ? 'include' : 'same-origin'
  const request = { url: entry.url, origin, method: entry.method, headers: pageHeaders(entry, preflight), credentials }
  const responses = []
  for (const hop of chain) {
    const answer = answered(hop)
    if (!answer) break
    responses.push(answer)
  }
  const preflightAnswer = preflight && answered(preflight)
  // The model judges a fetch whose every answer is recorded, or its preflight alone when the
  // request went unanswered; a hop cut short leaves only the recorded failure.
  const judged = responses.length === chain.length || (responses.length === 0 && preflightAnswer)
  const prediction = judged ? predict({ request, preflight: preflightAnswer, responses }) : null
  const engines = prediction ? prediction.engines : recordedOnly(engine, chain.at(-1))
  const last = chain.at(-1)
  return {
    version: FORMAT_VERSION,
    url: entry.url,
    origin,
    method: prediction?.requestMethod ?? entry.method,
    credentials,
    requestHeaders: request.headers,
    allowed: Object.values(engines).every((v) => v.allowed),
    preflightNeeded: prediction?.preflightNeeded ?? null,
    engines,
    recorded: { engine, failed: last.failure !== null || (preflight?.failure ?? null) !== null, failure: last.failure ?? preflight?.failure ?? null },
    server: null,
    fix: null,
    problems: [],
    unsafe: [],
    exchanges: {
      preflight: preflight ? { request: { method: preflight.method, url: preflight.url, headers: preflight.headers }, response: preflightAnswer, failure: preflight.failure } : null,
      actual: chain.map((hop) => ({ request: { method: hop.method, url: hop.url, headers: hop.headers }, response: answered(hop), failure: hop.failure })),
    },
  }
}

module.exports = { judgeHar, MAX_HAR_BYTES, MAX_ENTRIES }
