'use strict'
// The Next.js example app, installed, built with `next build` and served by `next start` on
// 127.0.0.1, answering real HTTP requests through cors-native/next in route handlers and proxy.ts.
const test = require('node:test')
const assert = require('node:assert/strict')
const net = require('node:net')
const path = require('node:path')
const { spawn, execFileSync } = require('node:child_process')

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

async function startNext(port) {
  const child = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => { output += chunk })
  child.stderr.on('data', (chunk) => { output += chunk })
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`next start was not ready in 30 s:\n${output}`)), 30_000)
    child.stdout.on('data', () => { if (/Ready/.test(output)) { clearTimeout(timer); resolve() } })
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`next start exited with ${code}:\n${output}`)) })
  })
  return { output: () => output, stop: () => { child.removeAllListeners('exit'); child.kill() } }
}

test('the Next.js example serves CORS from route handlers and proxy.ts', { timeout: 10 * 60_000 }, async (t) => {
  // The repository's own target directory keeps the copy's from-source build incremental.
  const env = { ...process.env, CARGO_TARGET_DIR: path.join(repoDir, 'target'), NEXT_TELEMETRY_DISABLED: '1' }
  timed(t, 'npm install', () => execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: appDir, env, stdio: 'pipe' }))
  timed(t, 'next build', () => execFileSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env, stdio: 'pipe' }))
  const port = await freePort()
  const next = await startNext(port)
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

  t.diagnostic(`requests: ${Date.now() - started} ms`)
})
