'use strict'
// The fix rules on answers no test server gives: the fix never allows `null`, never `*` or a
// reflected origin with credentials, keeps the lists the server sends, and falls back to HTTP
// terms when the stack is not certain. The real servers are in the other files here.
const test = require('node:test')
const assert = require('node:assert/strict')
const { predict, patch } = require('../../lib/browser/model')
const { serverFix } = require('../../lib/check/fixes')

const URL = 'http://127.0.0.1:9/items'
const PAGE = 'http://localhost:3000'

/** serverFix for one fetch from `origin` answered with `preflight` and `responses`. */
function fixFor(server, { origin = PAGE, method = 'GET', headers = [], credentials = 'same-origin', preflight = null, responses = [] }) {
  const exchange = { request: { url: URL, origin, method, headers, credentials }, preflight, responses }
  const asked = predict(exchange)
  const blocked = Object.values(asked.engines).find((verdict) => !verdict.allowed) ?? null
  return serverFix(server, { asked, blocked, problems: [], exchange, fixed: blocked && patch(exchange) })
}

const express = { name: 'express', label: 'Express (cors or cors-native)', confidence: 'high', evidence: [] }
const nginx = { name: 'nginx', label: 'nginx (add_header)', confidence: 'high', evidence: [] }
const response = (headers, status = 200) => [{ url: URL, status, headers }]

test('an allowed fetch needs no fix', () => {
  assert.equal(fixFor(express, { responses: response([['Access-Control-Allow-Origin', PAGE]]) }), null)
})

test('the methods the server answers are kept and the new one added', () => {
  const fix = fixFor(express, {
    method: 'PATCH',
    preflight: { status: 204, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'GET,HEAD,PUT,POST,DELETE']] },
  })
  assert.equal(fix.stack, 'express')
  assert.match(fix.text, /methods: \["GET","HEAD","PUT","POST","DELETE","PATCH"\]/)
})

test('a refused origin gets conditional advice and no method list when the methods pass', () => {
  const fix = fixFor(express, {
    origin: 'http://127.0.0.1:3000',
    method: 'DELETE',
    preflight: { status: 204, headers: [['Vary', 'Origin'], ['Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE']] },
  })
  assert.equal(fix.text, 'if http://127.0.0.1:3000 should be allowed, add it to `origin`')
})

test('with credentials, * is replaced by the listed origin, never by * or a reflection', () => {
  const fix = fixFor(nginx, { credentials: 'include', responses: response([['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Credentials', 'true']]) })
  assert.match(fix.text, new RegExp(`add_header Access-Control-Allow-Origin "${PAGE}" always;`))
  assert.doesNotMatch(fix.text, /\$http_origin always|"\*"/)
})

test('a page whose origin is null is never told to allow null', () => {
  const fix = fixFor(express, { origin: 'null', responses: response([]) })
  assert.equal(fix.stack, null)
  assert.match(fix.text, /^the page's origin is null .* serve the page from an http\(s\) origin/i)
  assert.doesNotMatch(fix.text, /Access-Control-Allow-Origin: null/)
})

test('a low-confidence stack gets the fix in HTTP terms', () => {
  const fix = fixFor({ ...express, confidence: 'low' }, { method: 'PUT', preflight: { status: 204, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'GET']] } })
  assert.equal(fix.stack, null)
  assert.match(fix.text, /^On the OPTIONS preflight response: set Access-Control-Allow-Methods: GET, PUT\./)
})

test('a method fetch() did not upper-case is fixed in the page', () => {
  const fix = fixFor(express, { method: 'patch', preflight: { status: 204, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'GET,PATCH']] } })
  assert.equal(fix.stack, null)
  assert.match(fix.text, /write method: 'PATCH' in the page; the server already allows PATCH/)
})

test('Next.js answers that may be written by hand get both the createCors options and the headers to write', () => {
  const next = { name: 'next', label: 'Next.js', confidence: 'high', evidence: ['X-Powered-By: Next.js'] }
  const fix = fixFor(next, { method: 'PUT', preflight: { status: 204, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'GET, POST']] } })
  assert.equal(fix.stack, 'next')
  assert.match(fix.text, /^with createCors from cors-native\/next: keep your other options and set `createCors\(\{ methods: \["GET","POST","PUT"\] \}\)`/)
  assert.match(fix.text, /with CORS headers written by hand: export an OPTIONS handler that answers 204 with `headers: \{ "Access-Control-Allow-Methods": "GET, POST, PUT" \}`/)
})

test('Starlette\'s own additions to Access-Control-Allow-Headers are not listed back', () => {
  const starlette = { name: 'starlette', label: 'FastAPI / Starlette (CORSMiddleware)', confidence: 'high', evidence: [] }
  const fix = fixFor(starlette, { headers: [['X-Api-Key', 'k']], preflight: { status: 400, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Headers', 'Accept, Accept-Language, Content-Language, Content-Type, x-trace']] } })
  assert.match(fix.text, /allow_headers=\["x-trace", "x-api-key"\]/)
})
