'use strict'
// The browser model through its JS module: the exchange shape in, per-engine verdicts out.
const test = require('node:test')
const assert = require('node:assert/strict')
const { predict, preflightRequest, forbiddenHeader } = require('../../lib/browser/model')

const PAGE = 'http://localhost:3000'
const API = 'http://127.0.0.1:8000/items'

function exchange({ method = 'GET', headers = [], credentials = 'omit', preflight = null, responses }) {
  return { request: { url: API, origin: PAGE, method, headers, credentials }, preflight, responses }
}

test('an allowed simple request is allowed by all three engines', () => {
  const result = predict(exchange({ responses: [{ url: API, status: 200, headers: [['Access-Control-Allow-Origin', PAGE]] }] }))
  assert.equal(result.preflightNeeded, false)
  for (const engine of ['chromium', 'firefox', 'webkit']) assert.equal(result.engines[engine].allowed, true)
})

test('a FastAPI-style refused preflight: Chromium reports the missing header, WebKit the status', () => {
  const result = predict(exchange({
    method: 'PUT',
    headers: [['Content-Type', 'application/json']],
    credentials: 'include',
    preflight: { status: 400, headers: [['content-type', 'text/plain; charset=utf-8']] },
    responses: [{ url: API, status: 200, headers: [] }],
  }))
  assert.equal(result.preflightNeeded, true)
  assert.deepEqual(result.requestHeaders, ['content-type'])
  const { chromium, firefox, webkit } = result.engines
  assert.equal(chromium.step, 'preflight')
  assert.equal(chromium.console, `Access to fetch at '${API}' from origin '${PAGE}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.`)
  assert.match(firefox.console, /Status code: 400\.$/)
  assert.equal(webkit.failure, 'preflight-status')
  assert.match(chromium.fix, /Access-Control-Allow-Origin: http:\/\/localhost:3000/)
})

test('a blocked redirect hop is named by its index', () => {
  const result = predict(exchange({
    responses: [
      { url: API, status: 307, headers: [['Location', 'https://127.0.0.1:8443/items']] },
      { url: 'https://127.0.0.1:8443/items', status: 200, headers: [['Access-Control-Allow-Origin', PAGE]] },
    ],
  }))
  assert.equal(result.engines.chromium.step, 'redirect')
  assert.equal(result.engines.chromium.hop, 0)
})

test('a preflight sent to a redirect target rides on the redirect; Firefox sends it from the page origin', () => {
  const target = 'http://127.0.0.1:9000/items'
  const preflighted = { status: 204, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Headers', 'x-api-key']] }
  const redirect = { url: API, status: 302, headers: [['Location', target], ['Access-Control-Allow-Origin', PAGE]] }
  const onlyNull = { url: target, status: 204, headers: [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Headers', 'x-api-key']] }
  const result = predict(exchange({
    headers: [['X-Api-Key', 'k']],
    preflight: preflighted,
    responses: [{ ...redirect, preflight: onlyNull }, { url: target, status: 200, headers: [['Access-Control-Allow-Origin', 'null']] }],
  }))
  const { chromium, firefox, webkit } = result.engines
  assert.equal(chromium.allowed && webkit.allowed, true)
  assert.deepEqual([firefox.step, firefox.hop, firefox.failure], ['preflight', 0, 'allow-origin-mismatch'])
  assert.throws(() => predict(exchange({ preflight: preflighted, responses: [{ ...redirect, preflight: { status: 204 } }] })), /preflight\.url/)
})

test('the preflight a browser would send and the headers it refuses to send', () => {
  assert.deepEqual(preflightRequest({ url: API, origin: PAGE, method: 'delete', headers: [['X-B', '1'], ['x-a', '2']] }), { needed: true, method: 'DELETE', headers: ['x-a', 'x-b'] })
  assert.match(forbiddenHeader('Origin'), /forbidden/)
  assert.equal(forbiddenHeader('X-Api-Key'), null)
})

test('malformed exchanges are TypeErrors, never crashes', () => {
  assert.throws(() => predict({}), TypeError)
  assert.throws(() => predict(exchange({ responses: 'none' })), TypeError)
  assert.throws(() => predict(exchange({ credentials: 'always', responses: [{ url: API, status: 200, headers: [] }] })), TypeError)
  assert.throws(() => predict(exchange({ responses: [{ url: API, status: 200, headers: [['a']] }] })), TypeError)
  const huge = 'x'.repeat(1 << 20)
  const result = predict(exchange({ headers: [['X-Big', huge]], responses: [{ url: API, status: 200, headers: [['Access-Control-Allow-Origin', huge]] }] }))
  assert.equal(result.engines.chromium.allowed, false)
})
