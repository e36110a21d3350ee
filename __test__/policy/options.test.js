'use strict'
// Options that would make every request throw fail at construction instead, with a TypeError
// naming the option, the value and the fix.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')

// Only values with which cors@2.8.6 itself throws inside a request (Node refuses the header or
// the status); every other value cors accepts is accepted (odd-options.test.js).
const invalid = [
  [{ methods: 'GET\r\nX-Evil: 1' }, /methods: .* cannot appear in an HTTP header; remove it/],
  [{ exposedHeaders: ['X-A\nX-B'] }, /exposedHeaders: .* cannot appear in an HTTP header/],
  [{ maxAge: '1\r\nX-Evil: 1' }, /maxAge: .* cannot appear in an HTTP header/],
  [{ optionsSuccessStatus: 1000 }, /optionsSuccessStatus: 1000 is not an HTTP status Node can send.*use 204/],
  [{ optionsSuccessStatus: 'abc' }, /optionsSuccessStatus: 'abc' is not an HTTP status/],
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

test('a status Node would refuse is accepted when preflights go on to the next handler (cors never sends it)', (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  assert.equal(typeof cors({ optionsSuccessStatus: 'abc', preflightContinue: true }), 'function')
})

test('an invalid answer from an origin function reaches next(err), not the process', () => {
  const middleware = cors({ origin: (origin, callback) => callback(null, ['https://*']) })
  let received
  middleware({ method: 'GET', headers: { origin: 'https://a.example' } }, fakeResponse(), (error) => (received = error))
  assert.ok(received instanceof TypeError)
  assert.match(received.message, /origin: the pattern "https:\/\/\*"/)
})

test('invalid options from a delegate reach next(err)', () => {
  const middleware = cors((req, callback) => setImmediate(callback, null, { maxAge: 'ten\n' }))
  return new Promise((resolve) => {
    middleware({ method: 'GET', headers: {} }, fakeResponse(), (error) => {
      assert.ok(error instanceof TypeError)
      assert.match(error.message, /maxAge: "ten\\n"/)
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
