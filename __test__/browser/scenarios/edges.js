'use strict'
// Edge cases of header values, where the engines may read the same bytes differently (the
// preflight cache's Max-Age, the case of listed methods and of Allow-Credentials, CORS-unsafe
// bytes in safelisted request headers, list syntax), and what the preflight cache is keyed by.
const { LIST } = require('./policies')

const PUT = { method: 'PUT', body: 'x' }
const CONTINUE = ({ page }) => ({ origin: [page], preflightContinue: true })

// The engines differ: OPTIONS requests for two PUTs.
const UNPARSABLE_MAX_AGE = {
  chromium: 1,
  firefox: 2,
  webkit: 1,
  why: 'Firefox does not cache a preflight whose Max-Age is not a whole number of seconds; Chromium and WebKit cache it for their default 5 s',
}

const edgeScenarios = [
  { name: 'Max-Age unparsable (ten)', options: CONTINUE, preflightHeaders: { 'Access-Control-Max-Age': 'ten' }, init: PUT, expect: 'ok', repeat: 2, optionsHits: UNPARSABLE_MAX_AGE },
  { name: 'Max-Age -1: no caching', options: CONTINUE, preflightHeaders: { 'Access-Control-Max-Age': '-1' }, init: PUT, expect: 'ok', repeat: 2, optionsHits: 2 },
  { name: 'Max-Age 5.5', options: CONTINUE, preflightHeaders: { 'Access-Control-Max-Age': '5.5' }, init: PUT, expect: 'ok', repeat: 2, optionsHits: UNPARSABLE_MAX_AGE },
  { name: 'preflight answered 302', options: CONTINUE, init: PUT, expect: 'blocked', route: 'options-302' },
  { name: 'methods listed in lower case (put) for a PUT', options: ({ page }) => ({ origin: [page], methods: ['GET', 'put'] }), init: PUT, expect: 'blocked' },
  { name: 'Allow-Credentials TRUE in capitals', options: LIST, answerHeaders: { 'Access-Control-Allow-Credentials': 'TRUE' }, init: { credentials: 'include' }, expect: 'blocked' },
  { name: 'Content-Type text/plain with a quote (CORS-unsafe byte)', options: LIST, init: { method: 'POST', headers: { 'Content-Type': 'text/plain; charset="utf-8"' }, body: 'x' }, expect: 'ok' },
  { name: 'Accept-Language with a parenthesis', options: LIST, init: { headers: { 'Accept-Language': 'en(' } }, expect: 'ok' },
  { name: 'Content-Language with a brace', options: LIST, init: { headers: { 'Content-Language': 'de{' } }, expect: 'ok' },
  { name: 'Accept with a CORS-unsafe byte (@)', options: LIST, init: { headers: { Accept: 'text/html@' } }, expect: 'ok' },
  { name: 'Allow-Methods with a trailing comma', options: ({ page }) => ({ origin: [page], methods: 'GET,PUT,' }), init: PUT, expect: 'ok', optionsHits: 1 },
  { name: 'Allow-Methods with spaces after the commas', options: ({ page }) => ({ origin: [page], methods: 'GET, PUT' }), init: PUT, expect: 'ok' },
  { name: 'Content-Type text/plain followed by another type', options: LIST, init: { method: 'POST', headers: { 'Content-Type': 'text/plain, application/json' }, body: 'x' }, expect: 'ok', optionsHits: 1 },
  { name: 'Content-Type multipart/form-data without a boundary', options: LIST, init: { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'x' }, expect: 'ok', optionsHits: 0 },
  { name: 'empty custom header value', options: LIST, init: { headers: { 'X-Empty': '' } }, expect: 'ok', optionsHits: 1 },
  // The preflight cache, keyed by credentials mode and holding the listed methods and headers.
  { name: 'cached preflight, then a credentialed PUT', options: ({ page }) => ({ origin: [page], credentials: true, maxAge: 600 }), init: PUT, then: { ...PUT, credentials: 'include' }, repeat: 2, expect: 'ok', optionsHits: 2 },
  { name: 'cached preflight, then DELETE (listed)', options: ({ page }) => ({ origin: [page], maxAge: 600 }), init: PUT, then: { method: 'DELETE' }, repeat: 2, expect: 'ok', optionsHits: 1 },
  { name: 'cached preflight, then another header', options: ({ page }) => ({ origin: [page], maxAge: 600 }), init: { headers: { 'X-One': '1' } }, then: { headers: { 'X-Two': '2' } }, repeat: 2, expect: 'ok', optionsHits: 2 },
  { name: 'cached preflight, then a header it did not list', options: ({ page }) => ({ origin: [page], allowedHeaders: ['X-One'], maxAge: 600 }), init: { headers: { 'X-One': '1' } }, then: { headers: { 'X-Two': '2' } }, repeat: 2, expect: 'blocked', optionsHits: 2 },
]

module.exports = { edgeScenarios }
