'use strict'
// The Next.js example app, installed, built with `next build` and served by `next start` on
// 127.0.0.1, answering real HTTP requests through cors-native/next in route handlers, cors.routes
// and proxy.ts, and through the Express middleware in a Pages Router API route.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startServer } = require('../support/child-server')
const { installAndBuild } = require('../support/next-build')
const { startPageServer } = require('../browser/servers')
const { ENGINES, launchFor } = require('../browser/engines')
const { freePort } = require('../support/free-port')

const appDir = path.join(__dirname, '..', '..', 'examples', 'next-app')
const ALLOWED = 'https://app.example.com'

test('the Next.js example serves CORS from route handlers and proxy.ts', { timeout: 10 * 60_000 }, async (t) => {
  const nextBin = installAndBuild(appDir, { report: (line) => t.diagnostic(line) })
  const port = await freePort()
  const next = await startServer(nextBin, { cwd: appDir, args: ['start', '--hostname', '127.0.0.1', '--port', String(port)], ready: /Ready/ })
  t.after(() => next.stop())
  const url = (route) => `http://127.0.0.1:${port}${route}`
  const started = Date.now()

  await t.test('a preflight from an allowed origin is answered', async () => {
    const response = await fetch(url('/api/todos'), {
      method: 'OPTIONS',
      headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    assert.equal(response.status, 204)
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED)
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true')
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET,HEAD,PUT,PATCH,POST,DELETE')
    assert.equal(response.headers.get('access-control-allow-headers'), 'content-type')
    assert.equal(response.headers.get('access-control-max-age'), '600')
  })

  await t.test('a preflight from a disallowed origin gets no Access-Control-Allow-Origin', async () => {
    const response = await fetch(url('/api/todos'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com.evil.net', 'Access-Control-Request-Method': 'POST' },
    })
    assert.equal(response.headers.get('access-control-allow-origin'), null)
    assert.match(response.headers.get('vary'), /Origin/)
  })

  await t.test('a credentialed GET gets the echoed origin and credentials', async () => {
    const response = await fetch(url('/api/todos'), { headers: { Origin: ALLOWED, Cookie: 'session=1' } })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED)
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true')
    assert.equal(response.headers.get('access-control-expose-headers'), 'X-Total-Count')
    assert.equal((await response.json())[0].title, 'Try cors-native')
  })

  await t.test('a handler that throws answers a logged 500 carrying the CORS headers', async () => {
    const response = await fetch(url('/api/boom'), { headers: { Origin: ALLOWED } })
    assert.equal(response.status, 500)
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED)
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true')
    assert.match(next.output(), /the database is down/)
  })

  await t.test('proxy.ts answers preflights for routes without CORS code', async () => {
    const response = await fetch(url('/api/public/status'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://pr-7.preview.example.com', 'Access-Control-Request-Method': 'PUT' },
    })
    assert.equal(response.status, 204)
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://pr-7.preview.example.com')
  })

  await t.test('proxy.ts adds the headers to the route response', async () => {
    const response = await fetch(url('/api/public/status'), { headers: { Origin: ALLOWED } })
    assert.deepEqual(await response.json(), { ok: true })
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED)
    assert.match(response.headers.get('vary'), /Origin/)
  })

  await t.test('cors.routes: every handler is wrapped and OPTIONS comes with them', async () => {
    const preflight = await fetch(url('/api/items'), {
      method: 'OPTIONS',
      headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED)
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type')
    const created = await fetch(url('/api/items'), { method: 'POST', headers: { Origin: ALLOWED, 'Content-Type': 'application/json' }, body: '{"name":"second"}' })
    assert.equal(created.status, 201)
    assert.equal(created.headers.get('access-control-allow-origin'), ALLOWED)
    const listed = await fetch(url('/api/items'), { headers: { Origin: ALLOWED } })
    assert.equal(listed.headers.get('access-control-expose-headers'), 'X-Total-Count')
    assert.equal(listed.headers.get('x-total-count'), '2')
  })

  await t.test('a Pages Router API route served by the Express middleware', async () => {
    const preflight = await fetch(url('/api/legacy'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://pr-7.preview.example.com', 'Access-Control-Request-Method': 'PUT' },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://pr-7.preview.example.com')
    assert.equal(preflight.headers.get('access-control-max-age'), '600')
    const response = await fetch(url('/api/legacy'), { headers: { Origin: ALLOWED } })
    assert.deepEqual(await response.json(), { router: 'pages' })
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED)
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true')
    const refused = await fetch(url('/api/legacy'), { headers: { Origin: 'https://evil.example' } })
    assert.equal(refused.status, 200)
    assert.equal(refused.headers.get('access-control-allow-origin'), null)
  })

  await t.test("redirect(), permanentRedirect() and notFound() answer with Next's status and the CORS headers", async () => {
    const cases = [['/api/todos/latest', 307, /^\/api\/todos\/\d+$/], ['/api/tasks', 308, /^\/api\/todos$/], ['/api/todos/999', 404, null]]
    for (const [route, status, location] of cases) {
      const response = await fetch(url(route), { headers: { Origin: ALLOWED }, redirect: 'manual' })
      assert.equal(response.status, status, route)
      if (location) assert.match(response.headers.get('location'), location, route)
      else assert.equal(response.headers.get('location'), null, route)
      assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED, route)
      assert.equal(response.headers.get('access-control-allow-credentials'), 'true', route)
      assert.match(response.headers.get('vary'), /Origin/, route)
    }
  })

  t.diagnostic(`requests: ${Date.now() - started} ms`)

  const pages = await startPageServer()
  t.after(pages.close)
  const api = (route) => `http://localhost:${port}${route}`
  // The page on http://localhost:<port> is allowed by 'http://localhost:*'; the same page on
  // http://127.0.0.1:<port> is not. Each engine's POST adds a todo, so the count varies.
  const runs = [
    ['allowed', 'GET a route handler, exposed header readable', api('/api/todos'), {}, 'ok', 200, { 'x-total-count': /^\d+$/ }],
    ['allowed', 'credentialed GET', api('/api/todos'), { credentials: 'include' }, 'ok', 200, {}],
    ['allowed', 'JSON POST through a preflight answered by cors.OPTIONS', api('/api/todos'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"from a browser"}' }, 'ok', 201, {}],
    ['allowed', 'a handler that throws: the 500 is readable', api('/api/boom'), {}, 'ok', 500, {}],
    ['allowed', 'proxy.ts: GET a route without CORS code', api('/api/public/status'), {}, 'ok', 200, {}],
    ['allowed', 'proxy.ts: a preflighted request', api('/api/public/status'), { headers: { 'X-Api-Key': 'k' } }, 'ok', 200, {}],
    ['allowed', 'redirect(): the 307 is followed and the todo it points to read', api('/api/todos/latest'), {}, 'ok', 200, {}, /"title":/],
    ['allowed', 'permanentRedirect(): a JSON POST follows the 308 with its body', api('/api/tasks'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"moved"}' }, 'ok', 201, {}, /"title":"moved"/],
    ['allowed', 'notFound(): the 404 is readable', api('/api/todos/999'), {}, 'ok', 404, {}],
    ['refused', 'a refused origin', api('/api/todos'), {}, 'blocked', undefined, {}],
    ['refused', 'a refused origin, preflighted', api('/api/todos'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, 'blocked', undefined, {}],
  ]
  for (const engine of ENGINES) {
    await t.test(`${engine.name} reaches the expected verdicts against the Next.js app`, async (t) => {
      const session = await launchFor(t, engine)
      if (!session) return
      for (const [origin, pageUrl] of [['allowed', pages.origin], ['refused', pages.origin.replace('localhost', '127.0.0.1')]]) {
        const page = await session.open(`${pageUrl}/`)
        for (const [, name, url, init, verdict, status, reads, text] of runs.filter((run) => run[0] === origin)) {
          const result = await page.run({ url, init, reads: Object.keys(reads) })
          assert.equal(result.verdict, verdict, `${name}: ${result.error ?? ''}`)
          if (status !== undefined) assert.equal(result.status, status, name)
          if (text) assert.match(result.text, text, name)
          for (const [header, pattern] of Object.entries(reads)) assert.match(result.read[header] ?? 'unreadable', pattern, name)
          t.diagnostic(`${name}: ${result.verdict}${result.status ? ` (${result.status})` : ''}`)
        }
      }
    })
  }
})
