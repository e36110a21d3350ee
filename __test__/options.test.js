'use strict'
// Invalid options fail at construction with a TypeError naming the option, the value and the fix.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('..')

const invalid = [
  [{ maxAge: 'ten' }, /maxAge: "ten" is not a whole number of seconds; use .*600/],
  [{ maxAge: -1 }, /maxAge: -1 /],
  [{ maxAge: 1.5 }, /maxAge: 1\.5 /],
  [{ maxAge: NaN }, /maxAge: NaN /],
  [{ maxAge: true }, /maxAge: true /],
  [{ methods: 42 }, /methods: 42 is not a header list; use a comma-separated string or an array/],
  [{ methods: ['GET', 7] }, /methods: \[ 'GET', 7 \]/],
  [{ methods: 'GET\r\nX-Evil: 1' }, /methods: .* cannot appear in an HTTP header; remove it/],
  [{ allowedHeaders: 5 }, /allowedHeaders: 5 /],
  [{ headers: { a: 1 } }, /headers: \{ a: 1 \} /],
  [{ exposedHeaders: [{}] }, /exposedHeaders: /],
  [{ origin: ['https://a.example', {}] }, /origin: \[ 'https:\/\/a\.example', \{\} \] holds \{\}, which is not an origin/],
  [{ origin: 1 }, /origin: 1 is not a valid origin/],
  [{ origin: { host: 'a' } }, /origin: \{ host: 'a' \} is not a valid origin/],
  [{ origin: [/^https:\/\/(a)\1\.example$/] }, /origin: the RegExp .* uses .*backreference.*; rewrite it/],
  [{ origin: /^(?=x)https:\/\/a\.example$/ }, /origin: the RegExp .* uses .*look/],
  [{ credentials: 'true' }, /credentials: 'true' is not a boolean; use true/],
  [{ optionsSuccessStatus: 404 }, /optionsSuccessStatus: 404 is not a 2xx status.*use 204/],
  [{ optionsSuccessStatus: '204' }, /optionsSuccessStatus: '204' is not an HTTP status/],
  [{ origin: 'https://a.example\n' }, /origin: .* cannot appear in an HTTP header/],
]

for (const [options, message] of invalid) {
  test(`rejects ${JSON.stringify(options, (k, v) => (v instanceof RegExp ? String(v) : Number.isNaN(v) ? 'NaN' : v))}`, () => {
    assert.throws(() => cors(options), (error) => {
      assert.ok(error instanceof TypeError, `a TypeError, got ${error && error.constructor.name}`)
      assert.match(error.message, message)
      return true
    })
  })
}

test('accepts every documented cors option form', () => {
  const valid = [
    undefined,
    {},
    { origin: false },
    { origin: true, credentials: true },
    { origin: 'https://a.example' },
    { origin: /^https:\/\/a\.example$/i },
    { origin: ['https://a.example', /\.b\.example$/, ['https://nested.example']] },
    { origin: (origin, callback) => callback(null, true) },
    { methods: ['GET', 'PUT'], allowedHeaders: 'X-A,X-B', exposedHeaders: ['X-C'] },
    { headers: ['X-A'] },
    { maxAge: 0 }, { maxAge: 600 }, { maxAge: '600' },
    { preflightContinue: true, optionsSuccessStatus: 200 },
    { methods: undefined, optionsSuccessStatus: undefined, credentials: undefined },
  ]
  for (const options of valid) assert.equal(typeof cors(options), 'function')
})

test('an invalid answer from an origin function reaches next(err), not the process', () => {
  const middleware = cors({ origin: (origin, callback) => callback(null, [{}]) })
  let received
  middleware({ method: 'GET', headers: { origin: 'https://a.example' } }, fakeResponse(), (error) => (received = error))
  assert.ok(received instanceof TypeError)
  assert.match(received.message, /origin: \[ \{\} \] holds \{\}/)
})

test('invalid options from a delegate reach next(err)', () => {
  const middleware = cors((req, callback) => setImmediate(callback, null, { maxAge: 'ten' }))
  return new Promise((resolve) => {
    middleware({ method: 'GET', headers: {} }, fakeResponse(), (error) => {
      assert.ok(error instanceof TypeError)
      assert.match(error.message, /maxAge: "ten"/)
      resolve()
    })
  })
})

function fakeResponse() {
  const headers = {}
  return {
    statusCode: 200,
    getHeader: (name) => headers[name.toLowerCase()],
    setHeader: (name, value) => { headers[name.toLowerCase()] = value },
    end() {},
  }
}
