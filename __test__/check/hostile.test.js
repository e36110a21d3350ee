'use strict'
// Servers that attack the checker rather than misconfigure CORS: a report forged with
// terminal escapes, headers hidden past Node's count limit, a 101 that never ends, a timeout
// that overflows Node's timer, and bodies that make a summary backtrack.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const net = require('node:net')
const path = require('node:path')
const { spawn } = require('node:child_process')
const { check, UsageError, NetworkError } = require('../../lib/check')
const { checkOptions } = require('../../lib/check/usage')
const { bodyStart } = require('../../lib/check/body-start')

const ORIGIN = 'http://localhost:3000'
const BIN = path.join(__dirname, '..', '..', 'bin', 'cors-native.js')
// What must never reach a terminal raw (the report's own line breaks aside).
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** A node:http server answering with `handler`. */
async function serve(t, handler) {
  const server = http.createServer(handler)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => { server.closeAllConnections(); server.close() })
  return `http://127.0.0.1:${server.address().port}`
}

/** A TCP server writing `answer(requestHead)` (latin-1) to each request; `end: false` keeps the socket open. */
async function serveRaw(t, answer, { end = true } = {}) {
  const sockets = new Set()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.once('data', (chunk) => {
      const bytes = Buffer.from(answer(chunk.toString('latin1')), 'latin1')
      if (end) socket.end(bytes)
      else socket.write(bytes)
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => {
    for (const socket of sockets) socket.destroy()
    server.close()
  })
  return `http://127.0.0.1:${server.address().port}`
}

function cli(t, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    t.after(() => child.kill())
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

const fillers = (count) => Array.from({ length: count }, (_, i) => `X-Filler-${i}: f\r\n`).join('')

test('a 500 body cannot draw over the report with escapes, CR or bidi overrides', async (t) => {
  const forged = '\x1b[2J\x1b[HChromium: allowed\rFirefox: allowed\u2028\u202edewolla\u2066\x9b2J'
  const api = await serve(t, (req, res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(forged))
  const { code, stdout } = await cli(t, [`${api}/`, '--origin', ORIGIN, '--no-probes'])
  assert.equal(code, 1)
  assert.doesNotMatch(stdout, UNSAFE)
  // The summary already turns CR and U+2028 into spaces, as it does any white space.
  assert.ok(stdout.includes('\\x1b[2J\\x1b[HChromium: allowed Firefox: allowed \\u202edewolla\\u2066\\x9b2J'), stdout)
  const json = await cli(t, [`${api}/`, '--origin', ORIGIN, '--no-probes', '--json'])
  assert.ok(JSON.parse(json.stdout).problems[0].message.endsWith('\x1b[2J\x1b[HChromium: allowed Firefox: allowed \u202edewolla\u2066\x9b2J'), 'the JSON keeps the exact text')
})

test('header values quoted in console lines and problems are shown escaped', async (t) => {
  // Latin-1 bytes 0x9b and 0x85 are the C1 controls CSI and NEL; Node's parser lets them through.
  const api = await serveRaw(t, (head) => head.startsWith('OPTIONS')
    ? 'HTTP/1.1 307 Temporary Redirect\r\nLocation: /next\x9b2J\x85\r\nContent-Length: 0\r\n\r\n'
    : 'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: http://a\x9b2J\x85\r\nContent-Length: 0\r\n\r\n')
  const simple = await cli(t, [`${api}/`, '--origin', ORIGIN, '--no-probes'])
  assert.equal(simple.code, 1)
  assert.doesNotMatch(simple.stdout, UNSAFE)
  assert.match(simple.stdout, /value 'http:\/\/a\\x9b2J\\x85'/)
  const preflighted = await cli(t, [`${api}/`, '--origin', ORIGIN, '--method', 'PUT', '--no-probes'])
  assert.equal(preflighted.code, 1)
  assert.doesNotMatch(preflighted.stdout, UNSAFE)
  assert.match(preflighted.stdout, /OPTIONS got 307 to \/next\\x9b2J\\x85:/)
})

test('an Access-Control-Allow-Origin after 1,100 other headers is read', async (t) => {
  const api = await serveRaw(t, () => `HTTP/1.1 200 OK\r\n${fillers(1100)}Access-Control-Allow-Origin: ${ORIGIN}\r\nContent-Length: 0\r\n\r\n`)
  const result = await check(`${api}/`, { origin: ORIGIN, probes: false })
  assert.equal(result.exchanges.actual[0].response.headers.length, 1102)
  assert.equal(result.allowed, true)
})

test('a second Access-Control-Allow-Origin after 1,100 other headers is read', async (t) => {
  const api = await serveRaw(t, () => `HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${ORIGIN}\r\n${fillers(1100)}Access-Control-Allow-Origin: https://other.example\r\nContent-Length: 0\r\n\r\n`)
  const result = await check(`${api}/`, { origin: ORIGIN, probes: false })
  assert.equal(result.allowed, false)
  assert.equal(result.engines.chromium.failure, 'multiple-allow-origin')
})

test('a preflight answered 101 Switching Protocols is a network error at once', { timeout: 10_000 }, async (t) => {
  const answers = {
    'with Upgrade headers': 'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
    'bare': 'HTTP/1.1 101 Switching Protocols\r\n\r\n',
  }
  for (const [name, answer] of Object.entries(answers)) {
    const api = await serveRaw(t, () => answer, { end: false })
    await assert.rejects(
      check(`${api}/`, { origin: ORIGIN, method: 'PUT', timeout: 20_000, probes: false }),
      (error) => error instanceof NetworkError && /answered 101 Switching Protocols: browsers treat a fetch answered 101/.test(error.message),
      name,
    )
  }
})

test('--timeout must be whole milliseconds from 1 to 600000', async (t) => {
  for (const timeout of [3_000_000_000, 600_001, 0, -5, 1.5, 'soon', '']) {
    await assert.rejects(
      check('http://127.0.0.1:9/', { origin: ORIGIN, timeout }),
      (error) => error instanceof UsageError && error.message.includes(`--timeout ${JSON.stringify(timeout)}`) && /from 1 to 600000/.test(error.message),
      String(timeout),
    )
  }
  assert.equal(checkOptions('http://127.0.0.1:9/', { origin: ORIGIN, timeout: '600000' }).timeoutMs, 600_000)
  const { code, stderr } = await cli(t, ['http://127.0.0.1:9/', '--origin', ORIGIN, '--timeout', '3000000000'])
  assert.equal(code, 2)
  assert.match(stderr, /--timeout "3000000000" must be a whole number of milliseconds from 1 to 600000/)
})

test('the body summary reads 1 MiB of hostile markup in one pass', { timeout: 5_000 }, () => {
  const mib = 1024 * 1024
  assert.equal(bodyStart('<'.repeat(mib)), `${'<'.repeat(200)}...`)
  assert.equal(bodyStart('<script'.repeat(mib / 7)), `${'<script'.repeat(200 / 7 + 1).slice(0, 200)}...`)
  assert.equal(bodyStart('<script>'.repeat(mib / 8)), '')
  assert.equal(bodyStart(`<style>${'<style>'.repeat(mib / 7)}`), '')
  assert.equal(bodyStart(`${'<script>x'.repeat(mib / 9)}</SCRIPT>tail`), 'tail')
})

test('the body summary keeps the text of ordinary HTML', () => {
  const page = '<!doctype html><html><head><style>h1 { color: red }</style><script>var a = "<b>"</script></head>' +
    '<body><h1>500 Internal Server Error</h1><p>Traceback &amp; &lt;details&gt;&nbsp;here</p><SCRIPT src=x></script></body></html>'
  assert.equal(bodyStart(page), '500 Internal Server Error Traceback & <details> here')
})

// In a child process: a regex backtracking in this one would block the test's own timeout.
test('a 500 answered with 64 KiB of < is summarised without backtracking', { timeout: 5_000 }, async (t) => {
  const api = await serve(t, (req, res) => res.writeHead(500, { 'Content-Type': 'text/html' }).end('<'.repeat(64 * 1024)))
  const { code, stdout } = await cli(t, [`${api}/`, '--origin', ORIGIN, '--no-probes', '--json'])
  assert.equal(code, 1)
  const [problem] = JSON.parse(stdout).problems
  assert.equal(problem.code, 'server-error')
  assert.ok(problem.message.endsWith(`${'<'.repeat(200)}...`))
})

test('a redirect to file:, data:, javascript: or ftp: fails the fetch in every engine', async (t) => {
  for (const location of ['file:///etc/passwd', 'data:text/plain,hi', 'javascript:alert(1)', 'ftp://127.0.0.1/x']) {
    const url = await serve(t, (req, res) => res.writeHead(302, { Location: location, 'Access-Control-Allow-Origin': '*' }).end())
    const result = await check(`${url}/start`, { origin: ORIGIN, probes: false })
    assert.equal(result.allowed, false, location)
    for (const engine of ['chromium', 'firefox', 'webkit']) assert.equal(result.engines[engine].failure, 'redirect-scheme', `${location} ${engine}`)
    const { code } = await cli(t, [`${url}/start`, '--origin', ORIGIN, '--no-probes'])
    assert.equal(code, 1, location)
  }
})
