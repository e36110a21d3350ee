'use strict'
// An origin function or options delegate may be async: its Promise answers as its callback
// would. cors@2.8.6 ignores the Promise: an async function that never calls the callback hangs
// every request, and a rejecting one crashes the process with an unhandled rejection. The first
// answer (callback or Promise) wins; a later one is ignored with one CORS_DOUBLE_ANSWER warning.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')
const { createCors } = require('cors-native/fetch')
const { listen } = require('../support/differential-server')
const { request, agent } = require('../support/http-client')

const ORIGIN = 'https://app.example.com'
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** Each route serves its own origin option (or delegate, under /delegate/...). */
const routes = {
  'resolves-true': async () => true,
  'resolves-list': async () => { await tick(); return [ORIGIN, /\.other\.example$/] },
  'resolves-false': async () => false,
  'resolves-string': async () => ORIGIN,
  'resolves-nothing': async (origin) => { if (origin === 'https://never.example') return true },
  'rejects': async () => { await tick(); throw new Error('origin lookup failed') },
  'rejects-sync': async () => { throw new Error('origin lookup failed at once') },
  'rejects-without-reason': () => Promise.reject(),
  // cors works with these: the callback answers, the Promise resolves with nothing.
  'async-and-callback': async (origin, callback) => { await tick(); callback(null, true) },
  'async-callback-later': async (origin, callback) => { setTimeout(() => callback(null, [ORIGIN]), 5) },
  'promise-chain-callback': (origin, callback) => tick().then(() => callback(null, origin === ORIGIN)),
  // The callback answers first and wins over a different resolution.
  'callback-then-resolves': async (origin, callback) => { callback(null, ORIGIN); await tick(); return false },
  'callback-twice': (origin, callback) => { callback(null, ORIGIN); callback(null, false) },
  'callback-twice-async': (origin, callback) => { callback(null, ORIGIN); setTimeout(() => callback(new Error('second answer')), 1) },
  'resolves-then-callback': async (origin, callback) => { setTimeout(() => callback(new Error('late callback')), 1); return ORIGIN },
}

function app(express) {
  const server = express()
  server.set('env', 'test')
  server.use('/origin/:name', (req, res, next) => cors({ origin: routes[req.params.name] })(req, res, next))
  server.use('/delegate/async', cors(async (req) => { await tick(); return { origin: [ORIGIN], credentials: true } }))
  server.use('/delegate/rejects', cors(async () => { throw new Error('options lookup failed') }))
  server.use('/delegate/both', cors(async (req, callback) => { callback(null, { origin: ORIGIN }); return { origin: false } }))
  server.use('/delegate/async-origin', cors(async () => ({ origin: async (origin) => origin === ORIGIN })))
  server.use((req, res) => res.send('route'))
  server.use((err, req, res, next) => res.status(500).send(`error handler: ${err.message}`))
  return server
}

function allowOrigin(response) {
  const pair = response.headers.find(([name]) => name === 'Access-Control-Allow-Origin')
  return pair ? pair[1] : null
}

/** Collects the CORS_DOUBLE_ANSWER warnings emitted while `run` runs. */
async function doubleAnswers(run) {
  const seen = []
  const listener = (warning) => { if (warning.code === 'CORS_DOUBLE_ANSWER') seen.push(warning.message) }
  process.on('warning', listener)
  try {
    await run()
    await tick() // warnings are emitted on the next tick
    await new Promise((resolve) => setImmediate(resolve))
  } finally {
    process.off('warning', listener)
  }
  return seen
}

const unhandled = []
process.on('unhandledRejection', (reason) => unhandled.push(reason))

test('a second answer warns once per process, with code CORS_DOUBLE_ANSWER', { timeout: 20000 }, async () => {
  // First in this file: warnOnce remembers what it said in this process.
  const fresh = cors
  const run = (origin) => new Promise((resolve) => {
    const res = { headers: {}, setHeader(name, value) { this.headers[name] = value }, getHeader(name) { return this.headers[name] }, end: resolve }
    fresh({ origin })({ method: 'GET', headers: { origin: ORIGIN } }, res, (err) => resolve(err ?? res.headers))
  })
  let nexts = 0
  const warnings = await doubleAnswers(async () => {
    for (let i = 0; i < 4; i++) {
      const headers = await run((origin, callback) => { callback(null, ORIGIN); callback(null, false) })
      assert.equal(headers['Access-Control-Allow-Origin'], ORIGIN)
    }
    await fresh({ origin: (origin, callback) => { callback(null, true); callback(null, true) } })(
      { method: 'GET', headers: { origin: ORIGIN } }, { setHeader() {}, getHeader() {} }, () => { nexts++ })
  })
  assert.equal(nexts, 1, 'next is called once')
  assert.deepEqual(warnings, ['cors-native: the origin function called its callback again; the first answer was used and this one ignored'])
  const more = await doubleAnswers(async () => {
    await run(async (origin, callback) => { callback(null, ORIGIN); return false })
    await run(async (origin, callback) => { callback(null, ORIGIN); return undefined }) // an async function's normal end: silent
  })
  assert.deepEqual(more, ['cors-native: the origin function resolved after its callback answered; the first answer was used and this one ignored'])
})

for (const [module, version] of [['express4', 'Express 4'], ['express', 'Express 5']]) {
  test(`${version}: an async origin function or delegate answers with its Promise`, { timeout: 20000 }, async (t) => {
    const server = await listen(app(require(module)))
    t.after(() => { agent.destroy(); return server.close() })
    const get = (path, origin = ORIGIN) => request(server.baseUrl + path, { headers: { Origin: origin } })

    const expectations = [
      ['/origin/resolves-true', 200, ORIGIN],
      ['/origin/resolves-list', 200, ORIGIN],
      ['/origin/resolves-false', 200, null],
      ['/origin/resolves-string', 200, ORIGIN],
      ['/origin/resolves-nothing', 200, null],
      ['/origin/async-and-callback', 200, ORIGIN],
      ['/origin/async-callback-later', 200, ORIGIN],
      ['/origin/promise-chain-callback', 200, ORIGIN],
      ['/origin/callback-then-resolves', 200, ORIGIN],
      ['/delegate/async', 200, ORIGIN],
      ['/delegate/both', 200, ORIGIN],
      ['/delegate/async-origin', 200, ORIGIN],
    ]
    for (const [path, status, origin] of expectations) {
      const response = await get(path)
      assert.equal(response.status, status, path)
      assert.equal(allowOrigin(response), origin, path)
      assert.equal(response.body, 'route', path)
    }
    assert.equal(allowOrigin(await get('/origin/resolves-list', 'https://evil.example')), null)
    assert.equal(allowOrigin(await get('/origin/resolves-list', 'https://a.other.example')), 'https://a.other.example')
    assert.equal(allowOrigin(await get('/delegate/async-origin', 'https://evil.example')), null)

    // A preflight is answered from the resolved value too.
    const preflight = await request(server.baseUrl + '/origin/resolves-list', { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' } })
    assert.equal(preflight.status, 204)
    assert.equal(allowOrigin(preflight), ORIGIN)
  })

  test(`${version}: a rejection goes to the error handler and the process survives`, { timeout: 20000 }, async (t) => {
    const server = await listen(app(require(module)))
    t.after(() => { agent.destroy(); return server.close() })
    const before = unhandled.length
    for (const [path, message] of [
      ['/origin/rejects', 'origin lookup failed'],
      ['/origin/rejects-sync', 'origin lookup failed at once'],
      ['/origin/rejects-without-reason', "cors-native: the origin function's Promise rejected with undefined"],
      ['/delegate/rejects', 'options lookup failed'],
    ]) {
      const response = await request(server.baseUrl + path, { headers: { Origin: ORIGIN } })
      assert.equal(response.status, 500, path)
      assert.equal(response.body, `error handler: ${message}`, path)
    }
    await tick()
    assert.equal(unhandled.length, before, 'no unhandled rejection')
    // Still serving.
    assert.equal((await request(server.baseUrl + '/origin/resolves-true', { headers: { Origin: ORIGIN } })).status, 200)
  })

  test(`${version}: the first answer wins; a later one is ignored with one warning`, { timeout: 20000 }, async (t) => {
    const server = await listen(app(require(module)))
    t.after(() => { agent.destroy(); return server.close() })
    const get = (path) => request(server.baseUrl + path, { headers: { Origin: ORIGIN } })
    for (const path of ['/origin/callback-twice', '/origin/callback-twice-async', '/origin/resolves-then-callback', '/origin/callback-then-resolves', '/delegate/both']) {
      for (let i = 0; i < 3; i++) {
        const response = await get(path)
        assert.equal(response.status, 200, path)
        assert.equal(allowOrigin(response), ORIGIN, path)
        assert.equal(response.body, 'route', path)
      }
    }
    // The process survived every second answer (no ERR_HTTP_HEADERS_SENT, no double next()).
    assert.equal((await get('/origin/resolves-true')).status, 200)
  })
}

test('fetch adapter: an async origin function or delegate answers; a rejection is a logged 500', { timeout: 20000 }, async (t) => {
  const errors = []
  t.mock.method(console, 'error', (...args) => errors.push(args))
  const handler = () => new Response('route')
  const get = (wrapped, origin = ORIGIN) => wrapped(new Request('https://api.example/x', { headers: { Origin: origin } }))

  const allowed = await get(createCors({ origin: async (origin) => { await tick(); return [ORIGIN] } }).wrap(handler))
  assert.equal(allowed.status, 200)
  assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN)
  assert.equal(await allowed.text(), 'route')

  const refused = await get(createCors({ origin: async () => false }).wrap(handler))
  assert.equal(refused.status, 200)
  assert.equal(refused.headers.get('access-control-allow-origin'), null)

  const delegated = await get(createCors(async (request) => ({ origin: request.headers.get('origin') === ORIGIN })).wrap(handler))
  assert.equal(delegated.headers.get('access-control-allow-origin'), ORIGIN)

  const both = await get(createCors({ origin: async (origin, callback) => { callback(null, ORIGIN); return false } }).wrap(handler))
  assert.equal(both.headers.get('access-control-allow-origin'), ORIGIN)

  const before = unhandled.length
  for (const cors of [
    createCors({ origin: async () => { throw new Error('origin lookup failed') } }),
    createCors(async () => { await tick(); throw new Error('options lookup failed') }),
  ]) {
    const failed = await get(cors.wrap(handler))
    assert.equal(failed.status, 500)
    assert.equal(await failed.text(), 'Internal Server Error')
    const preflight = await cors.preflight(new Request('https://api.example/x', { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' } }))
    assert.equal(preflight.status, 500)
  }
  assert.equal(errors.length, 4)
  assert.match(String(errors[0][1].message), /origin lookup failed/)
  assert.match(String(errors[2][1].message), /options lookup failed/)
  await tick()
  assert.equal(unhandled.length, before, 'no unhandled rejection')
})
