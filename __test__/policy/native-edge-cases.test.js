'use strict'
// Edge cases of the native decision, through the public middleware with minimal req/res objects.
// The real-HTTP proof of the same behaviour is the differential test.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')
const { runMiddleware: run } = require('../support/fake-http')

test('a RegExp with the g flag gives the same answer every time (cors alternates)', () => {
  const middleware = cors({ origin: /^https:\/\/a\.example$/g })
  for (let i = 0; i < 4; i++) {
    const { headers } = run(middleware, 'GET', { origin: 'https://a.example' })
    assert.equal(headers['access-control-allow-origin'], 'https://a.example', `request ${i}`)
  }
})

test('a 1 MB origin is refused without crashing, and matched correctly when a pattern allows it', () => {
  const huge = 'https://' + 'a'.repeat(1 << 20) + '.example'
  const listed = run(cors({ origin: ['https://a.example'] }), 'GET', { origin: huge })
  assert.equal(listed.headers['access-control-allow-origin'], undefined)
  const pattern = run(cors({ origin: /^https:\/\/a+\.example$/ }), 'GET', { origin: huge })
  assert.equal(pattern.headers['access-control-allow-origin'], huge)
})

test('a catastrophic-backtracking RegExp answers a hostile origin at once', () => {
  const middleware = cors({ origin: /^(a+)+$/ })
  const started = process.hrtime.bigint()
  const { headers } = run(middleware, 'GET', { origin: 'a'.repeat(50_000) + '!' })
  assert.equal(headers['access-control-allow-origin'], undefined)
  assert.equal(headers.vary, 'Origin')
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
  test.diagnostic?.(`decided in ${elapsedMs.toFixed(2)} ms`)
})

test('non-ASCII and control-free latin-1 origins are compared byte for byte', () => {
  const middleware = cors({ origin: ['https://café.example'] })
  assert.equal(run(middleware, 'GET', { origin: 'https://café.example' }).headers['access-control-allow-origin'], 'https://café.example')
  assert.equal(run(middleware, 'GET', { origin: 'https://cafe.example' }).headers['access-control-allow-origin'], undefined)
})

test('a missing method, a lower-case options and an empty origin do not throw', () => {
  const middleware = cors({ origin: ['https://a.example', ''] })
  assert.deepEqual(run(middleware, undefined, { origin: 'https://a.example' }).nextArgs, [])
  assert.equal(run(middleware, 'options', { origin: 'https://a.example' }).status, 204)
  assert.equal(run(middleware, 'GET', { origin: '' }).headers['access-control-allow-origin'], undefined)
})

test('explicit undefined methods and optionsSuccessStatus fall back to the defaults (cors crashes)', () => {
  const { headers, status } = run(cors({ methods: undefined, optionsSuccessStatus: undefined }), 'OPTIONS', { origin: 'https://a.example' })
  assert.equal(headers['access-control-allow-methods'], 'GET,HEAD,PUT,PATCH,POST,DELETE')
  assert.equal(status, 204)
})

test('an allow-list array mutated between requests by an origin function is read afresh', () => {
  const allowed = ['https://a.example']
  const middleware = cors({ origin: (origin, callback) => callback(null, allowed) })
  assert.equal(run(middleware, 'GET', { origin: 'https://b.example' }).headers['access-control-allow-origin'], undefined)
  allowed.push('https://b.example')
  assert.equal(run(middleware, 'GET', { origin: 'https://b.example' }).headers['access-control-allow-origin'], 'https://b.example')
})
