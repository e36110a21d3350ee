'use strict'
// The checker's own behaviour, against plain node:http servers: the requests it sends, its
// limits (redirects, timeout, header and body sizes), hostile answers, exit codes and JSON.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const path = require('node:path')
const { spawn } = require('node:child_process')
const { check, UsageError, NetworkError } = require('../../lib/check')
const { isPreflight } = require('../../lib/pipeline/preflight')

const ORIGIN = 'http://localhost:3000'
const BIN = path.join(__dirname, '..', '..', 'bin', 'cors-native.js')

/** A server answering with `handler`, recording every request it gets. */
async function serve(t, handler) {
  const seen = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.rawHeaders })
    handler(req, res, seen)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => { server.closeAllConnections(); server.close() })
  return { url: `http://127.0.0.1:${server.address().port}`, seen }
}

const allowAll = (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*')
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Access-Control-Allow-Methods', 'PUT')
  res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-b, x-a')
  res.setHeader('Vary', 'Origin')
  res.end('{}')
}

function cli(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

test('the preflight is sent exactly as a browser sends it', async (t) => {
  const api = await serve(t, allowAll)
  const result = await check(`${api.url}/items`, { origin: ORIGIN, method: 'put', headers: [['X-B', '1'], ['Content-Type', 'application/json'], ['x-a', '2'], ['Authorization', 'Bearer t']], credentials: true, probes: false })
  const [preflight, actual] = api.seen
  assert.equal(preflight.method, 'OPTIONS')
  const headers = Object.fromEntries(preflight.headers.reduce((pairs, value, i, all) => (i % 2 ? pairs : [...pairs, [value.toLowerCase(), all[i + 1]]]), []))
  assert.equal(headers.accept, '*/*')
  assert.equal(headers.origin, ORIGIN)
  assert.equal(headers['access-control-request-method'], 'PUT')
  assert.equal(headers['access-control-request-headers'], 'authorization,content-type,x-a,x-b')
  assert.equal(headers.authorization, undefined)
  assert.equal(headers.cookie, undefined)
  assert.equal(actual.method, 'PUT')
  assert.ok(actual.headers.includes('Bearer t'))
  assert.equal(result.allowed, true)
})

test('forbidden headers are refused with the reason', async () => {
  await assert.rejects(check('http://127.0.0.1:9/x', { origin: ORIGIN, headers: ['Cookie: a=1'] }), (error) => error instanceof UsageError && /cookie is a forbidden request header/.test(error.message))
  await assert.rejects(check('http://127.0.0.1:9/x', { origin: ORIGIN, headers: { 'Sec-Fetch-Site': 'none' } }), /sec-fetch-site is a forbidden request header/)
  await assert.rejects(check('http://127.0.0.1:9/x', { origin: 'http://localhost:3000/' }), /write "http:\/\/localhost:3000"/)
  await assert.rejects(check('http://127.0.0.1:9/x', { origin: ORIGIN, headers: [['X-Name', '日本']] }), /latin-1/)
})

test('redirects: at most 20 are followed, and Origin is null after another origin', async (t) => {
  const loop = await serve(t, (req, res) => {
    res.writeHead(302, { Location: `/hop${Number(req.url.slice(4) || 0) + 1}`, 'Access-Control-Allow-Origin': ORIGIN })
    res.end()
  })
  const looped = await check(`${loop.url}/hop0`, { origin: ORIGIN, probes: false })
  assert.equal(loop.seen.length, 21)
  assert.equal(looped.engines.chromium.failure, 'too-many-redirects')
  const other = await serve(t, allowAll)
  const first = await serve(t, (req, res) => {
    res.writeHead(307, { Location: `${other.url.replace('127.0.0.1', 'localhost')}/final`, 'Access-Control-Allow-Origin': ORIGIN })
    res.end()
  })
  const redirected = await check(`${first.url}/start`, { origin: ORIGIN })
  assert.equal(other.seen.length, 1, 'the other host gets the redirected request only, no probes')
  assert.ok(other.seen[0].headers.includes('null'), 'Origin: null after a cross-origin hop')
  assert.equal(redirected.allowed, true, 'the final response echoes null')
  assert.equal(redirected.exchanges.actual.length, 2)
})

test('a redirect that only adds a trailing slash is named as the problem', async (t) => {
  const api = await serve(t, (req, res) => {
    if (req.url === '/items') res.writeHead(308, { Location: '/items/' }).end()
    else allowAll(req, res)
  })
  const result = await check(`${api.url}/items`, { origin: ORIGIN, probes: false })
  assert.equal(result.engines.chromium.step, 'redirect')
  assert.equal(result.engines.chromium.hop, 0)
  assert.deepEqual(result.problems.map((p) => p.code), ['slash-redirect'])
})

test('a server that never answers times out; oversized answers are network errors or cut', async (t) => {
  const silent = await serve(t, () => {})
  await assert.rejects(check(`${silent.url}/`, { origin: ORIGIN, timeout: 300 }), (error) => error instanceof NetworkError && /timeout/.test(error.message))
  const hugeHeader = await serve(t, (req, res) => {
    res.setHeader('X-Big', 'a'.repeat(1024 * 1024))
    res.end()
  })
  await assert.rejects(check(`${hugeHeader.url}/`, { origin: ORIGIN }), /exceed/)
  const hugeBody = await serve(t, (req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' })
    res.end('x'.repeat(4 * 1024 * 1024))
  })
  const cut = await check(`${hugeBody.url}/`, { origin: ORIGIN, probes: false })
  assert.equal(cut.exchanges.actual[0].response.bodyTruncated, true)
  assert.equal(cut.problems[0].code, 'server-error')
})

test('non-UTF-8 and hostile header bytes never crash and never count as allowed', async (t) => {
  const api = await serve(t, (req, res) => {
    res.socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: http://localhost:3000'), Buffer.from([0xff, 0xfe]), Buffer.from('\r\nContent-Length: 0\r\n\r\n')]))
  })
  const result = await check(`${api.url}/`, { origin: ORIGIN, probes: false })
  assert.equal(result.allowed, false)
  assert.equal(result.engines.chromium.failure, 'allow-origin-mismatch')
})

test('works but unsafe: echo of any origin with credentials, null, and no Vary', async (t) => {
  const api = await serve(t, (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.end('{}')
  })
  const result = await check(`${api.url}/`, { origin: ORIGIN, credentials: true })
  assert.equal(result.allowed, true)
  assert.deepEqual(result.unsafe.map((f) => f.code), ['echoes-any-origin-with-credentials', 'allows-null-origin', 'missing-vary-origin'])
})

test('the command: exit codes 0, 1, 2 and one documented JSON object', async (t) => {
  const api = await serve(t, (req, res) => {
    if (req.url === '/open') res.setHeader('Access-Control-Allow-Origin', '*')
    res.end('{}')
  })
  const allowed = await cli([`${api.url}/open`, '--origin', ORIGIN, '--json'])
  assert.equal(allowed.code, 0)
  const json = JSON.parse(allowed.stdout)
  assert.deepEqual(Object.keys(json), ['version', 'url', 'origin', 'method', 'credentials', 'requestHeaders', 'addressSpaces', 'permissions', 'allowed', 'preflightNeeded', 'engines', 'server', 'fix', 'patch', 'patchVerdicts', 'requestFix', 'problems', 'unsafe', 'cookies', 'exchanges'])
  assert.deepEqual(Object.keys(json.engines.firefox), ['allowed', 'step', 'hop', 'failure', 'console', 'fix', 'preflightCacheSeconds', 'deviation', 'prompt'])
  const blocked = await cli([`${api.url}/closed`, '--origin', ORIGIN])
  assert.equal(blocked.code, 1)
  assert.match(blocked.stdout, /Chromium: BLOCKED at the response\n {2}console: Access to fetch at/)
  assert.equal((await cli([`${api.url}/closed`])).code, 2)
  assert.equal((await cli([`${api.url}/closed`, '--origin', ORIGIN, '--header', 'Host: x'])).code, 2)
  const unreachable = await cli(['http://127.0.0.1:9/', '--origin', ORIGIN, '--json', '--timeout', '2000'])
  assert.equal(unreachable.code, 2)
  assert.equal(JSON.parse(unreachable.stdout).error.code, 'network')
  const matrix = await cli([`${api.url}/open`, '--origins', `${ORIGIN},https://app.example.com`, '--methods', 'GET,PUT', '--json'])
  assert.equal(matrix.code, 1, 'PUT needs a preflight that this server does not answer')
  // WebKit refuses an https page's fetch of an http:// URL, 127.0.0.1 too, as mixed content.
  assert.deepEqual(JSON.parse(matrix.stdout).results.map((r) => `${r.origin} ${r.method} ${r.allowed}`), [
    `${ORIGIN} GET true`, `${ORIGIN} PUT false`, 'https://app.example.com GET false', 'https://app.example.com PUT false',
  ])
})

test('a PUT redirected 307 to a server whose OPTIONS answers 404 is blocked there, as Chromium blocks it', async (t) => {
  const target = await serve(t, (req, res) => {
    if (isPreflight(req.method, req.headers['access-control-request-method'])) res.writeHead(404).end()
    else allowAll(req, res)
  })
  const first = await serve(t, (req, res) => {
    if (isPreflight(req.method, req.headers['access-control-request-method'])) {
      res.writeHead(204, { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-api-key' }).end()
    } else {
      res.writeHead(307, { Location: `${target.url.replace('127.0.0.1', 'localhost')}/final`, 'Access-Control-Allow-Origin': ORIGIN }).end()
    }
  })
  const args = [`${first.url}/start`, '--origin', ORIGIN, '--method', 'PUT', '--header', 'X-Api-Key: k', '--no-probes']
  const { code, stdout } = await cli(args)
  assert.equal(code, 1, stdout)
  assert.match(stdout, /preflight to the redirect's target: OPTIONS http:\/\/localhost:\d+\/final .* -> 404/)
  // Chromium and WebKit send Origin null, Firefox the page's origin: two preflights, never the PUT.
  assert.deepEqual(target.seen.map((request) => request.method), ['OPTIONS', 'OPTIONS'])
  const result = await check(`${first.url}/start`, { origin: ORIGIN, method: 'PUT', headers: ['X-Api-Key: k'], probes: false })
  assert.equal(result.allowed, false)
  for (const engine of ['chromium', 'firefox', 'webkit']) assert.equal(result.engines[engine].step, 'preflight', engine)
  assert.match(result.engines.chromium.console, /\(redirected from '.*\/start'\).*Response to preflight request doesn't pass access control check/)
  assert.equal(result.exchanges.actual[0].preflight.response.status, 404)
})
