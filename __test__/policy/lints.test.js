'use strict'
// Each lint is emitted once as a process warning with a stable code and the fix, leaves the
// headers exactly as cors@2.8.6 sends them, and is a TypeError with strict: true.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')
const corsOriginal = require('cors')
const { runMiddleware } = require('../support/fake-http')

const lints = [
  ['CORS_NATIVE_CREDENTIALS_ANY_ORIGIN', { origin: '*', credentials: true }, /credentials: true with origin "\*"/],
  ['CORS_NATIVE_CREDENTIALS_ANY_ORIGIN', { origin: true, credentials: true }, /reflect any origin/],
  ['CORS_NATIVE_LOOSE_REGEX', { origin: /example\.com$/ }, /also matches https:\/\/evilexample\.com .*; list "https:\/\/example\.com", "https:\/\/\*\.example\.com" instead/],
  ['CORS_NATIVE_LOOSE_REGEX', { origin: /^https:\/\/app.example.com$/ }, /also matches https:\/\/appxexample\.com and https:\/\/app\.examplexcom \(an unescaped "\." matches any character\); list "https:\/\/app\.example\.com" instead/],
  ['CORS_NATIVE_NULL_ORIGIN', { origin: ['https://a.example', 'null'] }, /allows "null"/],
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: ['https://app.example.com/'] }, /ends with a slash, which browsers never send; write "https:\/\/app\.example\.com"/],
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: ['app.example.com'] }, /has no scheme; write "https:\/\/app\.example\.com"/],
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: ['https://app.example.com/api?x=1'] }, /has a path/],
  ['CORS_NATIVE_MAX_AGE_ABOVE_CAP', { maxAge: 86400 }, /maxAge: 86400 is above 7200/],
  // A single origin string gets the same classification as a list entry.
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: 'https://app.example.com/' }, /origin "https:\/\/app\.example\.com\/" ends with a slash, which browsers never send; write "https:\/\/app\.example\.com"/],
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: 'app.example.com' }, /origin "app\.example\.com" has no scheme; write "https:\/\/app\.example\.com"/],
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: 'https://App.example.com:443' }, /origin "https:\/\/App\.example\.com:443" is not written the way browsers send it; browsers send "https:\/\/app\.example\.com"/],
  ['CORS_NATIVE_NULL_ORIGIN', { origin: 'null' }, /origin "null" is sent as Access-Control-Allow-Origin/],
  // An internationalised domain is shown in the ASCII form browsers send.
  ['CORS_NATIVE_MALFORMED_ORIGIN', { origin: ['https://bücher.example'] }, /browsers send "https:\/\/xn--bcher-kva\.example"/],
]

function headersOf(middleware, origin, method) {
  const { headers, status } = runMiddleware(middleware, method, { origin, 'access-control-request-method': 'PUT' })
  return { headers, status }
}

for (const [code, options, message] of lints) {
  test(`${code}: ${message}`, (t) => {
    const warnings = t.mock.method(process, 'emitWarning', () => {})
    const middleware = cors(options)
    cors(options) // the same mistake again is not repeated
    const matching = warnings.mock.calls.filter((call) => call.arguments[1].code === code && message.test(call.arguments[0]))
    assert.equal(matching.length, 1, warnings.mock.calls.map((call) => call.arguments[0]).join('\n'))
    for (const origin of ['https://app.example.com', 'https://a.example', 'null', 'https://evil.example']) {
      for (const method of ['GET', 'OPTIONS']) {
        assert.deepEqual(headersOf(middleware, origin, method), headersOf(corsOriginal(options), origin, method), `${origin} ${method}: headers unchanged`)
      }
    }
    assert.throws(() => cors({ ...options, strict: true }), { name: 'TypeError', message: new RegExp(`strict: .*${code}`) })
  })
}

test('a clean policy gets no warning and compiles in strict mode', (t) => {
  const warnings = t.mock.method(process, 'emitWarning', () => {})
  cors({ origin: ['https://app.example.com', 'https://*.example.com', /^https:\/\/[a-z]+\.example\.org$/], credentials: true, maxAge: 600, strict: true })
  assert.equal(warnings.mock.callCount(), 0)
})

test('every form of origin suggests the entry to write', () => {
  for (const origin of ['https://app.example.com/', ['https://app.example.com/'], 'https://APP.example.com']) {
    const [lint] = cors.compile({ origin }).lints
    assert.deepEqual(lint.suggestion, ['https://app.example.com'], JSON.stringify(origin))
  }
})

test('internationalised domains match the ASCII form browsers send, as entries and patterns', (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  const allowed = (origin, requestOrigin) => runMiddleware(cors({ origin }), 'GET', { origin: requestOrigin }).headers['access-control-allow-origin'] === requestOrigin
  assert.ok(allowed(['https://bücher.example'], 'https://xn--bcher-kva.example'))
  assert.ok(allowed('https://*.bücher.example', 'https://shop.xn--bcher-kva.example'))
  assert.ok(!allowed('https://*.bücher.example', 'https://xn--bcher-kva.example.evil.net'))
})
