'use strict'
// One API on 127.0.0.1 that fails a page's fetch in every way the browser model knows, one
// path per failure; the page (another origin) fetches each path with the `init` given here.
const http = require('node:http')
const { isPreflight } = require('../../lib/pipeline/preflight')

/** `path -> { init, answer(req, base) -> { status, headers }, failure, step, target?, firefox?, only? }`: the
 * failure and step the model names (`firefox` where its failure differs; `only` the engine whose line names it). */
const FAILURES = {
  '/missing': { init: {}, failure: 'missing-allow-origin', step: 'response', answer: () => ({ status: 200, headers: {} }) },
  '/preflight-missing': { init: { method: 'PUT' }, failure: 'missing-allow-origin', step: 'preflight', answer: () => ({ status: 204, headers: {} }) },
  '/wildcard': { init: { credentials: 'include' }, failure: 'wildcard-with-credentials', step: 'response', answer: () => ({ status: 200, headers: { 'Access-Control-Allow-Origin': '*' } }) },
  // Firefox reads the comma-joined value as one origin that does not match (so does the model).
  '/multiple': { init: {}, failure: 'multiple-allow-origin', firefox: 'allow-origin-mismatch', step: 'response', answer: (req) => ({ status: 200, headers: { 'Access-Control-Allow-Origin': `${req.headers.origin}, https://b.example` } }) },
  '/invalid': { init: {}, failure: 'invalid-allow-origin', step: 'response', answer: () => ({ status: 200, headers: { 'Access-Control-Allow-Origin': 'not-an-origin' } }) },
  '/mismatch': { init: {}, failure: 'allow-origin-mismatch', step: 'response', answer: () => ({ status: 200, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com' } }) },
  '/credentials': { init: { credentials: 'include' }, failure: 'allow-credentials-not-true', step: 'response', answer: (req) => ({ status: 200, headers: { 'Access-Control-Allow-Origin': req.headers.origin } }) },
  '/preflight-status': { init: { method: 'PUT' }, failure: 'preflight-status', step: 'preflight', answer: (req) => ({ status: 401, headers: { 'Access-Control-Allow-Origin': req.headers.origin } }) },
  '/preflight-redirect': { init: { method: 'PUT' }, failure: 'preflight-redirect', step: 'preflight', answer: (req, base) => ({ status: 302, headers: { 'Access-Control-Allow-Origin': req.headers.origin, Location: `${base}/missing` } }) },
  '/bad-methods': { init: { method: 'PUT' }, failure: 'invalid-allow-methods', step: 'preflight', answer: (req) => ({ status: 204, headers: { 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Allow-Methods': 'PUT, G(ET' } }) },
  '/bad-headers': { init: { headers: { 'x-a': '1' } }, failure: 'invalid-allow-headers', step: 'preflight', answer: (req) => ({ status: 204, headers: { 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Allow-Headers': 'x-a, x(b' } }) },
  '/method': { init: { method: 'PUT' }, failure: 'method-not-allowed', step: 'preflight', answer: (req) => ({ status: 204, headers: { 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Allow-Methods': 'GET' } }) },
  '/header': { init: { headers: { 'x-api-key': '1' } }, failure: 'header-not-allowed', step: 'preflight', answer: (req) => ({ status: 204, headers: { 'Access-Control-Allow-Origin': req.headers.origin } }) },
  '/redirect-credentials': { init: {}, failure: 'redirect-with-credentials', step: 'redirect', answer: (req, base) => ({ status: 302, headers: { 'Access-Control-Allow-Origin': req.headers.origin, Location: base.replace('//', '//u:p@') + '/ok' } }) },
  '/redirect-ftp': { init: {}, failure: 'redirect-scheme', step: 'redirect', answer: (req) => ({ status: 302, headers: { 'Access-Control-Allow-Origin': req.headers.origin, Location: 'ftp://127.0.0.1/x' } }) },
  // Chromium's console gives this line without the URL; Firefox prints only the NetworkError
  // every failed fetch gets, which why refuses to read (cli.test.js).
  '/loop': { init: {}, failure: 'too-many-redirects', step: 'redirect', only: 'chromium', answer: (req, base) => ({ status: 302, headers: { 'Access-Control-Allow-Origin': req.headers.origin, Location: `${base}/loop?again` } }) },
  // The line names the redirect's target, and (Chromium) this path as where it came from.
  '/redirected': { init: {}, failure: 'missing-allow-origin', step: 'response', target: '/missing?via=redirect', answer: (req, base) => ({ status: 302, headers: { 'Access-Control-Allow-Origin': req.headers.origin, Location: `${base}/missing?via=redirect` } }) },
}

/** Answers every path of FAILURES, and /ok with the CORS headers a fetch needs. Resolves `{ base, close }`. */
function startFailingApi() {
  let base
  const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0]
    const entry = FAILURES[path]
    const preflight = isPreflight(req.method, req.headers['access-control-request-method'])
    // Only the paths that fail at the preflight answer it with their failure.
    let answer
    if (entry && (!preflight || entry.step === 'preflight')) answer = entry.answer(req, base)
    else answer = { status: preflight ? 204 : 200, headers: { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'x-a, x-api-key', 'Access-Control-Allow-Credentials': 'true' } }
    res.writeHead(answer.status, answer.headers)
    res.end(preflight ? '' : 'body')
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    base = `http://127.0.0.1:${server.address().port}`
    resolve({ base, close: () => { server.closeAllConnections(); server.close() } })
  }))
}

module.exports = { FAILURES, startFailingApi }
