'use strict'
// The requests a browser sends for one fetch(): the preflight when one is needed, then the
// actual request, following up to 20 redirects the way the Fetch standard does. The result is
// the exchange the browser model judges, plus what was sent.
const { send } = require('./http')
const { predict, preflightRequest } = require('../browser/model')

const MAX_REDIRECTS = 20
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const USER_AGENT = 'cors-native-check'

function originOf(url) {
  try {
    const { protocol, origin } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? origin : null
  } catch {
    return null
  }
}

function headerValue(headers, name) {
  const found = headers.find(([n]) => n.toLowerCase() === name)
  return found ? found[1] : undefined
}

/** The preflight exactly as a browser sends it: no cookies, no Authorization. */
function preflightHeaders(origin, asked) {
  const headers = [['Accept', '*/*'], ['Origin', origin], ['Access-Control-Request-Method', asked.method]]
  if (asked.headers.length) headers.push(['Access-Control-Request-Headers', asked.headers.join(',')])
  headers.push(['User-Agent', USER_AGENT], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Dest', 'empty'])
  return headers
}

function actualHeaders(origin, pageHeaders, method, body) {
  const headers = [['Accept', '*/*'], ...pageHeaders]
  const names = new Set(pageHeaders.map(([name]) => name.toLowerCase()))
  // The page's own Accept replaces the default one.
  if (names.has('accept')) headers.shift()
  if (origin !== undefined) headers.push(['Origin', origin])
  if (!names.has('user-agent')) headers.push(['User-Agent', USER_AGENT])
  headers.push(['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Dest', 'empty'])
  if (method !== 'GET' && method !== 'HEAD') headers.push(['Content-Length', String(Buffer.byteLength(body ?? ''))])
  return headers
}

/**
 * `request`: `{ url, origin, method, headers, credentials }`, `body` the request body (kept
 * until a redirect turns the method into GET). Resolves with `{ exchange,
 * sent: { preflight, actual: [...] } }`; network errors reject with a NetworkError.
 */
async function browserFetch(request, { body, deadline }) {
  const asked = preflightRequest(request)
  const crossOrigin = originOf(request.url) !== request.origin
  const sent = { preflight: null, actual: [] }
  let preflight = null
  if (asked.needed && crossOrigin) {
    sent.preflight = { method: 'OPTIONS', url: request.url, headers: preflightHeaders(request.origin, asked) }
    preflight = await send({ ...sent.preflight, deadline })
    if (!preflightPasses(preflight, request)) return { exchange: { request, preflight, responses: [] }, sent }
  }
  const responses = []
  let url = request.url
  let method = asked.method
  let tainted = false
  let headers = request.headers
  for (;;) {
    // Same-origin requests carry Origin only when not GET/HEAD, as browsers do.
    const sameOrigin = originOf(url) === request.origin && !tainted
    const origin = tainted ? 'null' : sameOrigin && (method === 'GET' || method === 'HEAD') ? undefined : request.origin
    const hopBody = method === 'GET' || method === 'HEAD' ? undefined : body
    const hop = { method, url, headers: actualHeaders(origin, headers, method, hopBody) }
    sent.actual.push(hop)
    const response = await send({ ...hop, body: hopBody, deadline })
    responses.push(response)
    const location = headerValue(response.headers, 'location')
    if (!REDIRECT_STATUSES.has(response.status) || location === undefined) break
    if (responses.length > MAX_REDIRECTS) break
    let next
    try {
      next = new URL(location, url).href
    } catch {
      break
    }
    if (originOf(next) === null) break
    if (originOf(next) !== originOf(url) && originOf(url) !== request.origin) tainted = true
    if (originOf(next) !== originOf(url)) headers = headers.filter(([name]) => name.toLowerCase() !== 'authorization')
    if (response.status === 303 ? method !== 'HEAD' : (response.status === 301 || response.status === 302) && method === 'POST') {
      method = 'GET'
      body = undefined
    }
    url = next
  }
  return { exchange: { request, preflight, responses }, sent }
}

/** Whether any engine would go on to the actual request after this preflight. */
function preflightPasses(preflight, request) {
  return Object.values(predict({ request, preflight, responses: [] }).engines).some((engine) => engine.allowed)
}

module.exports = { browserFetch, originOf, headerValue }
