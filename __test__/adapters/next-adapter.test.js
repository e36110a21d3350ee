'use strict'
// cors-native/next's Fetch adapter on its own, without Next.js: the cases the parity test
// cannot show (immutable headers, throwing handlers, proxy, the Web Request in delegates).
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const { createCors } = require('cors-native/next')

const ORIGIN = 'https://app.example.com'

function get(origin = ORIGIN) {
  return new Request('http://127.0.0.1/api', { headers: { Origin: origin } })
}

function preflight(origin = ORIGIN) {
  return new Request('http://127.0.0.1/api', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
  })
}

const cors = createCors({ origin: [ORIGIN], credentials: true, maxAge: 600 })

test('invalid options throw a TypeError when the helpers are created', (t) => {
  assert.throws(() => createCors({ methods: 'GET\r\nX-Evil: 1' }), { name: 'TypeError', message: /methods: .* cannot appear in an HTTP header/ })
  t.mock.method(process, 'emitWarning', () => {})
  // Express sends any status from 100 to 999, as cors does; a Fetch Response only 200-599.
  assert.throws(() => createCors({ optionsSuccessStatus: 150 }), { name: 'TypeError', message: /optionsSuccessStatus: 150 cannot be the status of a Fetch Response/ })
  assert.equal(typeof createCors({ optionsSuccessStatus: 500 }).OPTIONS, 'function')
})

test('OPTIONS answers a preflight natively', async () => {
  const response = await cors.OPTIONS(preflight())
  assert.equal(response.status, 204)
  assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN)
  assert.equal(response.headers.get('access-control-allow-credentials'), 'true')
  assert.equal(response.headers.get('access-control-allow-methods'), 'GET,HEAD,PUT,PATCH,POST,DELETE')
  assert.equal(response.headers.get('access-control-allow-headers'), 'content-type')
  assert.equal(response.headers.get('access-control-max-age'), '600')
  assert.equal(response.headers.get('vary'), 'Origin, Access-Control-Request-Headers')
})

test('OPTIONS from a refused origin gets no Access-Control-Allow-Origin', async () => {
  const response = await cors.OPTIONS(preflight('https://app.example.com.evil.net'))
  assert.equal(response.headers.get('access-control-allow-origin'), null)
})

test('wrap adds the headers to a response whose headers are immutable', async () => {
  const server = http.createServer((req, res) => res.end('from upstream'))
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const upstream = `http://127.0.0.1:${server.address().port}/`
    const handler = cors.wrap(() => fetch(upstream))
    const response = await handler(get(), {})
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN)
    assert.equal(await response.text(), 'from upstream')

    const redirect = await cors.wrap(() => Response.redirect('https://app.example.com/login', 302))(get(), {})
    assert.equal(redirect.status, 302)
    assert.equal(redirect.headers.get('location'), 'https://app.example.com/login')
    assert.equal(redirect.headers.get('access-control-allow-origin'), ORIGIN)
  } finally {
    server.close()
  }
})

test('a handler that throws yields a logged 500 carrying the CORS headers', async (t) => {
  const logged = t.mock.method(console, 'error', () => {})
  const handler = cors.wrap(() => { throw new Error('database down') })
  const response = await handler(get(), {})
  assert.equal(response.status, 500)
  assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN)
  assert.equal(response.headers.get('access-control-allow-credentials'), 'true')
  assert.equal(logged.mock.callCount(), 1)
  assert.match(String(logged.mock.calls[0].arguments.at(-1)), /database down/)
})

test("Next.js's redirect and not-found errors answer with their status, Location and the CORS headers", async () => {
  // The digests as next/navigation writes them; the real ones are thrown in next-app.test.js.
  const thrown = (digest) => cors.wrap(() => { throw Object.assign(new Error(digest.split(';')[0]), { digest }) })(get(), {})
  const cases = [
    ['NEXT_REDIRECT;replace;/login?next=a;b;307;', 307, '/login?next=a;b'],
    ['NEXT_REDIRECT;push;https://app.example.com/x;308;', 308, 'https://app.example.com/x'],
    ['NEXT_HTTP_ERROR_FALLBACK;404', 404, null],
    ['NEXT_HTTP_ERROR_FALLBACK;403', 403, null],
  ]
  for (const [digest, status, location] of cases) {
    const response = await thrown(digest)
    assert.equal(response.status, status, digest)
    assert.equal(response.headers.get('location'), location, digest)
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN, digest)
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true', digest)
  }
  // Any other digest (a dynamic-rendering bail-out, a malformed redirect) is Next's: rethrown as is.
  for (const digest of ['DYNAMIC_SERVER_USAGE', 'NEXT_REDIRECT;replace;/x;302;', 'NEXT_REDIRECT;other;/x;307;', 'NEXT_HTTP_ERROR_FALLBACK;500']) {
    const error = Object.assign(new Error(digest), { digest })
    await assert.rejects(cors.wrap(() => { throw error })(get(), {}), (rejected) => rejected === error, digest)
  }
})

test('delegates and origin functions receive the Web Request and the origin', async () => {
  const seen = []
  const byTenant = createCors((request, callback) => {
    seen.push(request.headers.get('x-tenant'))
    callback(null, { origin: (origin, done) => done(null, origin.endsWith('.tenant.example')) })
  })
  const request = new Request('http://127.0.0.1/api', { headers: { Origin: 'https://a.tenant.example', 'X-Tenant': 'a' } })
  const response = await byTenant.wrap(() => new Response('ok'))(request, {})
  assert.deepEqual(seen, ['a'])
  assert.equal(response.headers.get('access-control-allow-origin'), 'https://a.tenant.example')
})

test('proxy answers preflights and decorates the pass-through response', async () => {
  const passThrough = () => new Response(null, { headers: { 'x-middleware-next': '1' } })
  const answered = await cors.proxy(preflight(), passThrough())
  assert.equal(answered.status, 204)
  assert.equal(answered.headers.get('x-middleware-next'), null)
  assert.equal(answered.headers.get('access-control-allow-origin'), ORIGIN)

  const next = passThrough()
  const decorated = await cors.proxy(get(), next)
  assert.equal(decorated, next)
  assert.equal(decorated.headers.get('access-control-allow-origin'), ORIGIN)
  assert.equal(decorated.headers.get('vary'), 'Origin')
})

test('proxy without a pass-through response says what to pass', async () => {
  await assert.rejects(cors.proxy(get()), { name: 'TypeError', message: /pass NextResponse\.next\(\)/ })
})

test('a failing origin function is logged and answered with 500', async (t) => {
  const logged = t.mock.method(console, 'error', () => {})
  const failing = createCors({ origin: (origin, callback) => callback(new Error('lookup failed')) })
  const response = await failing.wrap(() => new Response('unreachable'))(get(), {})
  assert.equal(response.status, 500)
  assert.equal(logged.mock.callCount(), 1)
})
