'use strict'
// strict: true over real HTTP, in Express 5 and in cors-native/next's adapter alike: only real
// preflights are preflights, method and headers are checked on the server, refusals are a 403
// naming what was refused, and every preflight varies on Origin, method and headers.
const test = require('node:test')
const assert = require('node:assert/strict')
const express = require('express')
const cors = require('../..')
const { createCors } = require('../../lib/adapters/next')
const { listen } = require('../support/differential-server')
const { request, agent } = require('../support/http-client')

const ORIGIN = 'https://app.example.com'
const OPTIONS = { origin: [ORIGIN], methods: ['GET', 'PUT'], allowedHeaders: ['Content-Type', 'X-Api-Key'], credentials: true, strict: true }
const STRICT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'

const cases = [
  ['an allowed preflight', { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type, X-API-KEY' }, 204, ''],
  ['a refused origin', { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' }, 403, 'origin https://evil.example is not allowed'],
  ['a refused method', { Origin: ORIGIN, 'Access-Control-Request-Method': 'PATCH' }, 403, 'method PATCH is not allowed'],
  ['a refused header', { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type, x-secret' }, 403, 'header x-secret is not allowed'],
  ['a safelisted method', { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' }, 204, ''],
  ['private network access not allowed', { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Private-Network': 'true' }, 403, 'private network access is not allowed'],
]

function header(response, name) {
  return response.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]
}

test('Express: strict preflights are checked on the server', async (t) => {
  const app = express()
  app.use(cors(OPTIONS))
  app.use((req, res) => res.send(`the route answered ${req.method}`))
  const server = await listen(app)
  t.after(() => { agent.destroy(); return server.close() })
  for (const [name, headers, status, body] of cases) {
    const response = await request(server.baseUrl, { method: 'OPTIONS', headers })
    assert.equal(response.status, status, name)
    assert.equal(response.body, body, name)
    assert.equal(header(response, 'Vary'), STRICT_VARY, name)
    if (status === 403) {
      assert.equal(header(response, 'Content-Type'), 'text/plain; charset=utf-8', name)
      assert.equal(header(response, 'Access-Control-Allow-Origin'), undefined, name)
    }
  }
  const notPreflight = await request(server.baseUrl, { method: 'OPTIONS', headers: { Origin: ORIGIN } })
  assert.equal(notPreflight.body, 'the route answered OPTIONS', 'OPTIONS without Access-Control-Request-Method goes to next()')
  assert.equal(header(notPreflight, 'Access-Control-Allow-Origin'), ORIGIN)
  const noOrigin = await request(server.baseUrl, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'PUT' } })
  assert.equal(noOrigin.body, 'the route answered OPTIONS', 'OPTIONS without Origin goes to next()')
})

test('cors-native/next: the same strict answers', async () => {
  const next = createCors(OPTIONS)
  for (const [name, headers, status, body] of cases) {
    const response = await next.OPTIONS(new Request('http://127.0.0.1/api', { method: 'OPTIONS', headers }))
    assert.equal(response.status, status, name)
    assert.equal(await response.text(), body, name)
    assert.equal(response.headers.get('vary'), STRICT_VARY, name)
  }
  const handler = next.wrap(() => new Response('handled'))
  const notPreflight = await handler(new Request('http://127.0.0.1/api', { method: 'OPTIONS', headers: { Origin: ORIGIN } }), {})
  assert.equal(await notPreflight.text(), 'handled')
})

test('a * in allowed headers never covers Authorization, and is no wildcard with credentials', () => {
  const explain = (options, requestHeaders) => cors.compile({ origin: [ORIGIN], allowedHeaders: '*', strict: true, ...options }).explain({ origin: ORIGIN, method: 'PUT', requestHeaders })
  assert.equal(explain({}, 'x-anything').allowed, true)
  assert.equal(explain({}, 'authorization').allowed, false)
  assert.match(explain({}, 'authorization').reasons.join(' '), /header authorization is not allowed/)
  assert.equal(explain({ allowedHeaders: '*, Authorization' }, 'authorization').allowed, true)
  assert.equal(explain({ credentials: true }, 'x-anything').allowed, false)
})

test('allowPrivateNetwork answers Private Network Access preflights', async (t) => {
  const app = express()
  app.use(cors({ origin: [ORIGIN], allowPrivateNetwork: true }))
  const server = await listen(app)
  t.after(() => { agent.destroy(); return server.close() })
  const asked = await request(server.baseUrl, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Private-Network': 'true' } })
  assert.equal(header(asked, 'Access-Control-Allow-Private-Network'), 'true')
  const notAsked = await request(server.baseUrl, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } })
  assert.equal(header(notAsked, 'Access-Control-Allow-Private-Network'), undefined)
  const next = await createCors({ origin: [ORIGIN], allowPrivateNetwork: true }).OPTIONS(new Request('http://127.0.0.1/', {
    method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Private-Network': 'true' },
  }))
  assert.equal(next.headers.get('access-control-allow-private-network'), 'true')
  assert.throws(() => cors({ allowPrivateNetwork: 'yes' }), { name: 'TypeError', message: /allowPrivateNetwork: 'yes' is not a boolean/ })
})
