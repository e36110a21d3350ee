'use strict'
// Scenarios about the browser's side of the protocol: redirects, the preflight cache,
// cookies, preflight statuses, safelisted methods and headers, response headers.
const { LIST } = require('./policies')

const WITH_NULL = ({ page }) => ({ origin: [page, 'null'] })
const PUT = { method: 'PUT', body: 'x' }
const ACCEPT = (bytes) => ({ headers: { Accept: 'a'.repeat(bytes) } })

const protocolScenarios = [
  // Redirects: every hop passes the CORS check; after a hop to another origin the Origin is null.
  { name: 'redirect, same origin', options: LIST, init: {}, expect: 'ok', route: 'redirect-same' },
  { name: 'redirect 307 of a preflighted PUT, same origin', options: LIST, init: PUT, expect: 'ok', route: 'redirect-same-307' },
  { name: 'redirect, refused origin', options: () => ({ origin: ['https://app.example.com'] }), init: {}, expect: 'blocked', route: 'redirect-same' },
  { name: 'redirect to another origin: Origin null is refused', options: LIST, init: {}, expect: 'blocked', route: 'redirect-cross' },
  { name: 'redirect to another origin: Origin null is allowed', options: WITH_NULL, init: {}, expect: 'ok', route: 'redirect-cross' },
  { name: 'redirect to another origin, policy *', options: () => ({ origin: '*' }), init: {}, expect: 'ok', route: 'redirect-cross' },
  { name: 'redirect to another origin, credentialed, null allowed', options: ({ page }) => ({ origin: [page, 'null'], credentials: true }), init: { credentials: 'include' }, expect: 'ok', route: 'redirect-cross' },
  {
    name: 'redirect to another origin drops Authorization',
    options: ({ page }) => ({ origin: [page, 'null'] }),
    init: { headers: { Authorization: 'Bearer t' } },
    expect: 'ok',
    route: 'redirect-cross',
    received: { authorization: null },
    optionsHits: {
      chromium: 1,
      firefox: 2,
      webkit: 2,
      why: 'Chromium drops Authorization before following and sends a simple GET; Firefox and WebKit preflight the new URL first (WebKit still listing authorization), then send the GET without it',
    },
  },
  {
    name: 'redirect to another origin with Authorization, last hop does not list it',
    options: ({ page }) => (req, callback) => callback(null, { origin: [page, 'null'], allowedHeaders: String(req.url).endsWith('/final') ? ['X-Api-Key'] : ['Authorization'] }),
    init: { headers: { Authorization: 'Bearer t' } },
    expect: 'ok',
    route: 'redirect-cross',
    engines: { webkit: { expect: 'blocked', why: "WebKit's preflight for the new URL still asks for authorization, which it then drops from the request" } },
  },
  {
    name: 'redirect to another origin, preflighted, last hop allows only null',
    options: ({ page }) => (req, callback) => callback(null, { origin: String(req.url).endsWith('/final') ? ['null'] : [page] }),
    init: { headers: { 'X-Api-Key': 'k' } },
    expect: 'ok',
    route: 'redirect-cross',
    engines: { firefox: { expect: 'blocked', why: "Firefox sends the new URL's preflight with the page's origin, not null (the request itself then carries null)" } },
  },
  {
    name: 'PUT redirected 307 to another origin whose OPTIONS answers 404',
    options: ({ page }) => (req, callback) => callback(null, { origin: [page, 'null'], preflightContinue: String(req.url).endsWith('/final') }),
    init: { ...PUT, headers: { 'X-Api-Key': 'k' } },
    expect: 'blocked',
    route: 'redirect-cross-307',
    compareConsole: true,
  },
  // Chromium's line for data: names no URL (net::ERR_UNSAFE_REDIRECT), so it cannot be matched to the run.
  { name: 'redirect to a data: URL fails the fetch', options: ({ page }) => ({ origin: [page] }), init: {}, expect: 'blocked', route: 'redirect-data' },
  { name: 'redirect to an ftp: URL fails the fetch', options: ({ page }) => ({ origin: [page] }), init: {}, expect: 'blocked', route: 'redirect-ftp', compareConsole: true },
  { name: 'redirect to another origin keeps a custom header', options: WITH_NULL, init: { headers: { 'X-Api-Key': 'k' } }, expect: 'ok', route: 'redirect-cross', optionsHits: 2 },
  { name: 'redirect, same origin, keeps Authorization', options: LIST, init: { headers: { Authorization: 'Bearer t' } }, expect: 'ok', route: 'redirect-same', received: { authorization: 'Bearer t' } },
  { name: 'redirect http to https: Origin null is refused', options: LIST, init: {}, expect: 'blocked', route: 'redirect-https' },
  { name: 'redirect http to https: Origin null is allowed', options: WITH_NULL, init: {}, expect: 'ok', route: 'redirect-https' },
  // The preflight cache, counted by the OPTIONS requests that reach the server for two PUTs.
  { name: 'max-age 5: second PUT reuses the preflight', options: ({ page }) => ({ origin: [page], maxAge: 5 }), init: PUT, expect: 'ok', repeat: 2, optionsHits: 1 },
  { name: 'no max-age: the default cache', options: LIST, init: PUT, expect: 'ok', repeat: 2, optionsHits: 1 },
  { name: 'max-age 600, custom header: the second request reuses the preflight', options: ({ page }) => ({ origin: [page], maxAge: 600 }), init: { headers: { 'X-One': '1' } }, expect: 'ok', repeat: 2, optionsHits: 1 },
  // Cookies (the page server set `session`).
  { name: 'credentialed PUT through a preflight sends the cookie', options: ({ page }) => ({ origin: [page], credentials: true }), init: { ...PUT, credentials: 'include' }, expect: 'ok', received: { cookie: 'session=abc' } },
  { name: 'credentials omit: no cookie', options: LIST, init: { credentials: 'omit' }, expect: 'ok', received: { cookie: null } },
  { name: 'default credentials (same-origin): no cookie', options: LIST, init: {}, expect: 'ok', received: { cookie: null } },
  { name: 'credentialed, Access-Control-Allow-Credentials missing on the preflight', options: LIST, init: { ...PUT, credentials: 'include' }, expect: 'blocked' },
  // Preflight statuses.
  { name: 'preflight answered 401', options: ({ page }) => ({ origin: [page], preflightContinue: true }), init: PUT, expect: 'blocked', route: 'options-401' },
  { name: 'preflight answered 500 with CORS headers', options: ({ page }) => ({ origin: [page], preflightContinue: true }), init: PUT, expect: 'blocked', route: 'options-500' },
  { name: 'actual response 404 is readable', options: LIST, init: {}, expect: 'ok', route: 'status-404', status: 404 },
  { name: 'strict mode, refused header', options: ({ page }) => ({ origin: [page], allowedHeaders: ['X-Api-Key'], strict: true }), init: { headers: { 'X-Other': 'k' } }, expect: 'blocked', preflightStatus: { native: 403, cors: 204 } },
  { name: 'strict mode, refused origin', options: () => ({ origin: ['https://app.example.com'], strict: true }), init: PUT, expect: 'blocked', preflightStatus: { native: 403, cors: 204 } },
  // Authorization and wildcards.
  { name: 'Authorization with * and credentials', options: ({ page }) => ({ origin: [page], allowedHeaders: '*', credentials: true }), init: { headers: { Authorization: 'Bearer t' }, credentials: 'include' }, expect: 'blocked' },
  { name: 'Authorization listed', options: ({ page }) => ({ origin: [page], allowedHeaders: ['Authorization'] }), init: { headers: { Authorization: 'Bearer t' } }, expect: 'ok' },
  { name: 'methods *, no credentials', options: ({ page }) => ({ origin: [page], methods: '*' }), init: PUT, expect: 'ok' },
  { name: 'methods *, credentialed', options: ({ page }) => ({ origin: [page], methods: '*', credentials: true }), init: { ...PUT, credentials: 'include' }, expect: 'blocked' },
  // Response headers the page can read.
  { name: 'exposed *, no credentials', options: ({ page }) => ({ origin: [page], exposedHeaders: '*' }), init: {}, expect: 'ok', reads: { 'x-total-count': '42' } },
  { name: 'exposed *, credentialed: hidden', options: ({ page }) => ({ origin: [page], exposedHeaders: '*', credentials: true }), init: { credentials: 'include' }, expect: 'ok', reads: { 'x-total-count': null } },
  { name: 'safelisted response header readable', options: LIST, init: {}, expect: 'ok', reads: { 'content-type': 'application/json' } },
  // Methods: fetch() upper-cases only the six standard names, so `patch` stays lower-case.
  { name: 'lower-case patch against the default methods', options: LIST, init: { method: 'patch', body: 'x' }, expect: 'blocked' },
  {
    name: 'lower-case patch listed as patch',
    options: ({ page }) => ({ origin: [page], methods: ['GET', 'patch'] }),
    init: { method: 'patch', body: 'x' },
    expect: 'blocked',
    optionsHits: 1,
    why: 'the preflight passes, but Node.js (llhttp) answers a lower-case method with 400 before any handler runs, without CORS headers',
  },
  { name: 'HEAD, allowed origin, no preflight', options: LIST, init: { method: 'HEAD' }, expect: 'ok', optionsHits: 0 },
  { name: 'HEAD, refused origin', options: () => ({ origin: ['https://app.example.com'] }), init: { method: 'HEAD' }, expect: 'blocked' },
  // Safelisted request headers: values over 128 bytes are not safelisted.
  { name: 'Accept of 128 bytes: no preflight', options: LIST, init: ACCEPT(128), expect: 'ok', optionsHits: 0 },
  { name: 'Accept of 129 bytes: preflight, reflected', options: LIST, init: ACCEPT(129), expect: 'ok', optionsHits: 1 },
  { name: 'Accept of 129 bytes: preflight, not listed', options: ({ page }) => ({ origin: [page], allowedHeaders: ['X-Api-Key'] }), init: ACCEPT(129), expect: 'blocked', optionsHits: 1 },
  { name: 'POST text/plain: no preflight', options: LIST, init: { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }, expect: 'ok', optionsHits: 0 },
  { name: 'Range bytes=0-: no preflight', options: LIST, init: { headers: { Range: 'bytes=0-' } }, expect: 'ok', optionsHits: 0 },
  { name: 'Range with two ranges: preflight, not listed', options: ({ page }) => ({ origin: [page], allowedHeaders: ['X-Api-Key'] }), init: { headers: { Range: 'bytes=0-1,3-4' } }, expect: 'blocked' },
  // The null origin.
  { name: 'null origin from a sandboxed iframe, policy *', options: () => ({ origin: '*' }), init: {}, expect: 'ok', frame: 'sandboxed' },
]

module.exports = { protocolScenarios }
