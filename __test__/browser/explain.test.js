'use strict'
// cors.compile(options).explain(): allowed or not, the exact headers, and reasons that point at
// the closest configured entry; DEBUG=cors-native logging; fromEnv; policies and workers.
const test = require('node:test')
const assert = require('node:assert/strict')
const { MessageChannel } = require('node:worker_threads')
const cors = require('../..')
const { createRefusalLog } = require('../../lib/pipeline/debug-log')

const policy = cors.compile({
  origin: ['https://app.example.com/', 'http://localhost:5173', 'https://api.example.com', 'https://*.example.org'],
  allowedHeaders: ['Content-Type'],
  maxAge: 600,
})

test('refusals point at the closest entry', () => {
  const reasons = (origin) => policy.explain({ origin }).reasons.join(' | ')
  assert.match(reasons('https://app.example.com'), /"https:\/\/app\.example\.com\/" differs only by a trailing slash/)
  assert.match(reasons('http://api.example.com'), /differs in scheme: http vs https/)
  assert.match(reasons('http://localhost:3000'), /differs in port: 3000 vs 5173/)
  assert.equal(reasons('https://evil.example'), "origin https://evil.example is not allowed | if https://evil.example should be allowed, add it: origin: ['https://app.example.com/', 'http://localhost:5173', 'https://api.example.com', 'https://*.example.org', 'https://evil.example']")
  assert.equal(policy.explain({}).reasons[0], 'the request has no Origin header')
})

test('an allowed request shows exactly the headers that would be sent', () => {
  const { engines, ...simple } = policy.explain({ origin: 'https://shop.example.org' })
  for (const engine of ['chromium', 'firefox', 'webkit']) assert.equal(engines[engine].allowed, true, engine)
  assert.deepEqual(simple, {
    allowed: true,
    preflight: false,
    status: 200,
    headers: { 'Access-Control-Allow-Origin': 'https://shop.example.org', Vary: 'Origin' },
    reasons: ['origin https://shop.example.org is allowed'],
    cookies: [],
    cookieProblems: [],
  })
  const preflight = policy.explain({ origin: 'https://shop.example.org', method: 'PUT', requestHeaders: 'content-type' })
  assert.equal(preflight.preflight, true)
  assert.equal(preflight.status, 204)
  assert.equal(preflight.headers['Access-Control-Max-Age'], '600')
  assert.equal(preflight.allowed, true)
  assert.equal(preflight.engines.chromium.allowed, true)
})

test("each engine's verdict and console line for the response the policy produces", () => {
  const trailingSlash = cors.compile({ origin: 'https://app.example.com/' })
  const { engines } = trailingSlash.explain({ origin: 'https://app.example.com', url: 'https://api.example.com/items' })
  assert.equal(engines.chromium.console, "Access to fetch at 'https://api.example.com/items' from origin 'https://app.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.")
  assert.match(engines.firefox.console, /CORS header ‘Access-Control-Allow-Origin’ does not match ‘https:\/\/app\.example\.com\/’/)
  assert.equal(engines.webkit.allowed, false)
  const credentialed = cors.compile({ origin: '*' }).explain({ origin: 'https://a.example', credentials: true })
  assert.match(credentialed.engines.chromium.console, /The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '\*' when the request's credentials mode is 'include'/)
  const preflight = policy.explain({ origin: 'https://shop.example.org', method: 'PUT', requestHeaders: 'x-secret' })
  assert.match(preflight.engines.chromium.console, /Request header field x-secret is not allowed by Access-Control-Allow-Headers in preflight response/)
})

test('what the browser would refuse is explained even when the server answers', () => {
  const refused = policy.explain({ origin: 'https://shop.example.org', method: 'PUT', requestHeaders: 'x-secret' })
  assert.equal(refused.allowed, false)
  assert.equal(refused.reasons.at(-1), "Chromium, Firefox, WebKit will refuse it at the preflight: if x-secret should be allowed, add it: allowedHeaders: ['Content-Type', 'x-secret']")
  const star = cors.compile({ credentials: true }).explain({ origin: 'https://a.example' })
  assert.match(star.reasons.join(' '), /credentialed requests \(cookies\) still fail/)
})

test('allowed is what every engine says: a * that lets Authorization through is allowed, with the deviation shown', () => {
  const result = cors.compile({ origin: 'https://app.example.com', allowedHeaders: '*' }).explain({ origin: 'https://app.example.com', requestHeaders: 'authorization' })
  assert.equal(result.preflight, true)
  for (const engine of ['chromium', 'firefox', 'webkit']) {
    assert.equal(result.engines[engine].allowed, true, engine)
    assert.match(result.engines[engine].deviation, /the Fetch standard says \* never covers it/, engine)
  }
  assert.equal(result.allowed, true)
})

test('the model decides what is preflighted: a safelisted header is not, a lower-case put is', () => {
  assert.equal(policy.explain({ origin: 'https://shop.example.org', requestHeaders: 'accept' }).preflight, false)
  assert.equal(policy.explain({ origin: 'https://shop.example.org', method: 'put' }).preflight, true)
  assert.equal(policy.explain({ origin: 'https://shop.example.org', url: 'https://shop.example.org/items', method: 'PUT' }).preflight, false)
})

test('a compiled policy cannot be posted to a worker silently', () => {
  const { port1 } = new MessageChannel()
  try {
    assert.throws(() => port1.postMessage(policy), { name: 'DataCloneError', message: /compile_the_options_in_each_worker/ })
  } finally {
    port1.close()
  }
})

test('DEBUG=cors-native logs refusals, rate-limited', (t) => {
  const lines = []
  assert.equal(createRefusalLog(undefined), null)
  assert.equal(createRefusalLog('express:*'), null)
  const log = createRefusalLog('express,cors-native', (line) => lines.push(line))
  const refused = { headers: [], end: false, status: 200, body: null }
  for (let i = 0; i < 50; i++) log({ method: 'GET', origin: `https://evil${i}.example`, url: 'https://api.example.com/items' }, refused, ['origin is not allowed'])
  assert.equal(lines.length, 10)
  assert.match(lines[0], /^cors-native: refused GET https:\/\/api\.example\.com\/items from https:\/\/evil0\.example: origin is not allowed\. Chromium will say: "Access to fetch at 'https:\/\/api\.example\.com\/items' from origin 'https:\/\/evil0\.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource\." Fix: /)

  const written = t.mock.method(process.stderr, 'write', () => true)
  const previous = process.env.DEBUG
  process.env.DEBUG = 'cors-native'
  try {
    const middleware = cors({ origin: ['https://app.example.com/'] })
    middleware({ method: 'GET', headers: { origin: 'https://app.example.com' } }, { getHeader() {}, setHeader() {} }, () => {})
  } finally {
    if (previous === undefined) delete process.env.DEBUG
    else process.env.DEBUG = previous
  }
  assert.match(String(written.mock.calls[0].arguments[0]), /refused GET http:\/\/localhost\/ from https:\/\/app\.example\.com: .*differs only by a trailing slash/)
})

test('fromEnv builds options from the environment and names a bad variable', () => {
  assert.deepEqual(cors.fromEnv({
    CORS_ALLOWED_ORIGINS: 'https://app.example.com, https://*.example.com',
    CORS_ALLOW_CREDENTIALS: 'true',
    CORS_ALLOWED_METHODS: 'GET,POST',
    CORS_ALLOWED_HEADERS: 'Content-Type, Authorization',
    CORS_EXPOSED_HEADERS: 'X-Total-Count',
    CORS_MAX_AGE: '600',
  }), {
    origin: ['https://app.example.com', 'https://*.example.com'],
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    exposedHeaders: ['X-Total-Count'],
    maxAge: 600,
  })
  assert.deepEqual(cors.fromEnv({ CORS_ALLOWED_ORIGINS: '*' }), { origin: '*' })
  assert.deepEqual(cors.fromEnv({}), {})
  assert.throws(() => cors.fromEnv({ CORS_MAX_AGE: 'ten' }), { name: 'TypeError', message: /CORS_MAX_AGE: "ten" is not a whole number/ })
  assert.throws(() => cors.fromEnv({ CORS_ALLOW_CREDENTIALS: 'yes' }), { name: 'TypeError', message: /CORS_ALLOW_CREDENTIALS: "yes" is not true or false/ })
  assert.throws(() => cors.fromEnv({ CORS_ALLOWED_ORIGINS: ' , ' }), { name: 'TypeError', message: /CORS_ALLOWED_ORIGINS: .* lists no origin/ })
  assert.throws(() => cors(cors.fromEnv({ CORS_ALLOWED_ORIGINS: 'https://*example.com' })), { name: 'TypeError', message: /origin: the pattern/ })
})
