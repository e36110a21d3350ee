'use strict'
// The Next.js example app, installed, built with `next build` and served by `next start` on
// 127.0.0.1, answering real HTTP requests through cors-native/next in route handlers, cors.routes
// and proxy.ts, and through the Express middleware in a Pages Router API route.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const net = require('node:net')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { startServer } = require('./support/child-server')
const { startPageServer } = require('./browser/servers')
const { launchChromium, fetchInPage } = require('./browser/chromium')

const repoDir = path.join(__dirname, '..')
const appDir = path.join(repoDir, 'examples', 'next-app')
const nextBin = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
const ALLOWED = 'https://app.example.com'

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function timed(t, label, fn) {
  const started = Date.now()
  const result = fn()
  t.diagnostic(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

test('the Next.js example serves CORS from route handlers and proxy.ts', { timeout: 10 * 60_000 }, async (t) => {
  // The repository's own target directory keeps the copy's from-source build incremental.
  const env = { ...process.env, CARGO_TARGET_DIR: path.join(repoDir, 'target'), NEXT_TELEMETRY_DISABLED: '1' }
  // npm keeps an existing copy of a file: dependency; remove it so the repository's code is used.
  fs.rmSync(path.join(appDir, 'node_modules', 'cors-native'), { recursive: true, force: true })
  timed(t, 'npm install', () => execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: appDir, env, stdio: 'pipe' }))
  timed(t, 'next build', () => execFileSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env, stdio: 'pipe' }))
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

  t.diagnostic(`requests: ${Date.now() - started} ms`)

  await t.test('Chromium reaches the expected verdicts against the Next.js app', async (t) => {
    const browserStarted = Date.now()
    const pages = await startPageServer()
    const browser = await launchChromium()
    t.after(async () => { await browser.close(); pages.close() })
    const context = await browser.newContext()
    await context.addCookies([{ name: 'session', value: 'abc', domain: 'localhost', path: '/' }])
    const allowedPage = await context.newPage()
    await allowedPage.goto(`${pages.origin}/`) // http://localhost:<port>, allowed by 'http://localhost:*'
    const refusedPage = await context.newPage()
    await refusedPage.goto(`${pages.origin.replace('localhost', '127.0.0.1')}/`)
    const api = (route) => `http://localhost:${port}${route}`
    const scenarios = [
      ['GET a route handler, exposed header readable', allowedPage, api('/api/todos'), {}, 'ok', 200, { 'x-total-count': '1' }],
      ['credentialed GET', allowedPage, api('/api/todos'), { credentials: 'include' }, 'ok', 200, {}],
      ['JSON POST through a preflight answered by cors.OPTIONS', allowedPage, api('/api/todos'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"from Chromium"}' }, 'ok', 201, {}],
      ['a handler that throws: the 500 is readable', allowedPage, api('/api/boom'), {}, 'ok', 500, {}],
      ['proxy.ts: GET a route without CORS code', allowedPage, api('/api/public/status'), {}, 'ok', 200, {}],
      ['proxy.ts: a preflighted request', allowedPage, api('/api/public/status'), { headers: { 'X-Api-Key': 'k' } }, 'ok', 200, {}],
      ['a refused origin', refusedPage, api('/api/todos'), {}, 'blocked', undefined, {}],
      ['a refused origin, preflighted', refusedPage, api('/api/todos'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, 'blocked', undefined, {}],
    ]
    for (const [name, page, url, init, verdict, status, reads] of scenarios) {
      const result = await page.evaluate(fetchInPage, { url, init, reads: Object.keys(reads) })
      assert.equal(result.verdict, verdict, `${name}: ${result.error ?? ''}`)
      if (status !== undefined) assert.equal(result.status, status, name)
      for (const [header, value] of Object.entries(reads)) assert.equal(result.read[header], value, name)
      t.diagnostic(`${name}: ${result.verdict}${result.status ? ` (${result.status})` : ''}`)
    }
    t.diagnostic(`Chromium against Next.js: ${Date.now() - browserStarted} ms`)
  })
})
