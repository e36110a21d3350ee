'use strict'
// cors-native/fetch on its own: routes() cannot forget OPTIONS, decorate() and preflight() for
// servers that route themselves, and a Node.js (req, res) pair is refused naming the right API.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const { createCors } = require('cors-native/fetch')
const { request, agent } = require('../support/http-client')

const ORIGIN = 'https://app.example.com'
const cors = createCors({ origin: [ORIGIN], credentials: true })

function get(origin = ORIGIN) {
  return new Request('http://127.0.0.1/api', { headers: { Origin: origin } })
}

function preflight(origin = ORIGIN) {
  return new Request('http://127.0.0.1/api', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } })
}

test('routes() wraps every handler and adds OPTIONS', async () => {
  const routes = cors.routes({ GET: () => Response.json([]), POST: () => new Response(null, { status: 201 }) })
  assert.deepEqual(Object.keys(routes).sort(), ['GET', 'OPTIONS', 'POST'])
  const answered = await routes.OPTIONS(preflight())
  assert.equal(answered.status, 204)
  assert.equal(answered.headers.get('access-control-allow-origin'), ORIGIN)
  assert.equal(answered.headers.get('access-control-allow-methods'), 'GET,HEAD,PUT,PATCH,POST,DELETE')
  const created = await routes.POST(new Request('http://127.0.0.1/api', { method: 'POST', headers: { Origin: ORIGIN } }))
  assert.equal(created.status, 201)
  assert.equal(created.headers.get('access-control-allow-credentials'), 'true')
  assert.throws(() => cors.routes(null), { name: 'TypeError', message: /routes\(handlers\)/ })
})

test('decorate() adds the headers, and a preflight gets its answer instead', async () => {
  const decorated = await cors.decorate(get(), new Response('ok', { headers: { Vary: 'Accept' } }))
  assert.equal(decorated.headers.get('access-control-allow-origin'), ORIGIN)
  assert.equal(decorated.headers.get('vary'), 'Accept, Origin')
  const refused = await cors.decorate(get('https://evil.example'), new Response('ok'))
  assert.equal(refused.headers.get('access-control-allow-origin'), null)
  const answered = await cors.decorate(preflight(), new Response('from the handler'))
  assert.equal(answered.status, 204)
  assert.equal(await answered.text(), '')
})

test('preflight() answers even with preflightContinue, which has nothing to continue to', async () => {
  const continuing = createCors({ origin: [ORIGIN], preflightContinue: true, optionsSuccessStatus: 200 })
  const response = await continuing.preflight(preflight())
  assert.equal(response.status, 200)
  assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN)
})

test('a Node.js (req, res) pair, as a Pages Router API route passes, is a TypeError naming the middleware', async (t) => {
  const handler = cors.wrap(() => new Response('unreachable'))
  const server = http.createServer((req, res) => {
    try {
      handler(req, res)
      res.end('no error')
    } catch (error) {
      res.end(`${error.name}: ${error.message}`)
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => { agent.destroy(); server.close() })
  const { body } = await request(`http://127.0.0.1:${server.address().port}/api`, { headers: { Origin: ORIGIN } })
  assert.match(body, /^TypeError: cors-native: wrap\(handler\) received a Node\.js IncomingMessage \(a Next\.js Pages Router API route/)
  assert.match(body, /require\("cors-native"\)/)
  assert.throws(() => cors.preflight({}), { name: 'TypeError', message: /preflight\(request\) received object, not a Fetch API Request/ })
  assert.throws(() => cors.decorate(get(), 'ok'), { name: 'TypeError', message: /response must be a Response/ })
})
