'use strict'
// The playground stays a local tool for its own page: the sender page is no proxy for other
// sites, a costly RegExp in the user's options cannot freeze the page, and a taken --port is a
// usage error.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const path = require('node:path')
const { spawn } = require('node:child_process')
const { chromiumMissing, skippedFor, launch } = require('../check/chromium')

const BIN = path.join(__dirname, '..', '..', 'bin', 'cors-native.js')

function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

function listen(handler) {
  const server = http.createServer(handler)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** Runs `cors-native playground` in its own process: its origins, token and the child. */
async function spawnPlayground(t) {
  const child = spawn(process.execPath, [BIN, 'playground'], { stdio: ['ignore', 'pipe', 'ignore'] })
  t.after(() => child.kill('SIGKILL'))
  const output = await new Promise((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk) => {
      text += chunk
      if (text.includes('Ctrl-C')) resolve(text)
    })
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)))
  })
  const [, page, token] = output.match(/(http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]{32})/)
  const [, api, other] = output.match(/API origin (http:\/\/127\.0\.0\.1:\d+), other page origin (http:\/\/127\.0\.0\.1:\d+)/)
  return { page, api, other, token }
}

test('the sender page fetches only the playground API, for the playground page', { timeout: 120_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const playground = await spawnPlayground(t)
  assert.equal((await send(`${playground.other}/sender.html`)).status, 403)

  // A site that knows the other origin's port, and even the token, frames the sender with its
  // own parent= and api= and asks it to fetch a local service it cannot read itself.
  const requested = []
  const foreign = await listen((req, res) => {
    requested.push(req.url)
    const evil = `http://127.0.0.1:${foreign.address().port}`
    const sender = `${playground.other}/sender.html?token=${playground.token}&parent=${evil}&api=${evil}`
    res.setHeader('Content-Type', 'text/html')
    res.end(`<!doctype html><title>evil</title><iframe id="sender" src="${sender}"></iframe><script>
      document.getElementById('sender').onload = () => setInterval(() => {
        document.getElementById('sender').contentWindow.postMessage({ id: 'x', url: '${evil}/secret', init: { credentials: 'include' } }, '*')
      }, 100)
    </script>`)
  })
  t.after(() => new Promise((resolve) => foreign.close(resolve)))
  const browser = await launch()
  t.after(() => browser.close())
  const page = await browser.newPage()
  await page.goto(`http://127.0.0.1:${foreign.address().port}/evil`)
  await page.waitForFunction(() => document.getElementById('sender').contentDocument === null, null, { timeout: 10_000 })
  const sender = page.frames().find((frame) => frame.url().startsWith(playground.other))
  await sender.waitForLoadState('load')
  assert.equal(await sender.title(), 'sender')
  await new Promise((resolve) => setTimeout(resolve, 3_000))
  assert.ok(!requested.includes('/secret'), requested.join(', '))
})

test('a costly RegExp in the options never stalls the page', { timeout: 120_000 }, async (t) => {
  const playground = await spawnPlayground(t)
  const headers = { 'X-Playground-Token': playground.token }
  const options = (body) => send(`${playground.page}/api/options`, { method: 'POST', headers, body: JSON.stringify(body) }).then((answer) => JSON.parse(answer.body))
  // A backreference runs in V8, which backtracks exponentially on this origin.
  assert.equal((await options({ text: '{ origin: /^https:\\/\\/(a+)+\\1b$/ }', apply: true })).error, undefined)
  const crafted = send(`${playground.api}/items`, { headers: { Origin: `https://${'a'.repeat(26)}!` } }).catch(() => {})
  // 40 large Unicode classes take seconds to compile and lint.
  const lintText = `{ origin: [${Array.from({ length: 40 }, (_, i) => `/^https:\\/\\/\\p{L}{${90 + i}}$/u`).join(', ')}] }`
  const lint = options({ text: lintText })
  let settled = false
  Promise.allSettled([crafted, lint]).then(() => { settled = true })

  const started = Date.now()
  let longest = 0
  while (!settled || Date.now() - started < 2_000) {
    const asked = Date.now()
    assert.equal((await send(`${playground.page}/api/origins`, { headers })).status, 200)
    longest = Math.max(longest, Date.now() - asked)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.diagnostic(`longest page answer during the attack: ${longest} ms`)
  assert.ok(longest < 1_000, `the page took ${longest} ms to answer`)
  assert.ok((await lint).error)
})

test('a --port in use is a one-line usage error', async (t) => {
  const taken = await listen(() => {})
  t.after(() => new Promise((resolve) => taken.close(resolve)))
  const { port } = taken.address()
  const child = spawn(process.execPath, [BIN, 'playground', '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  assert.equal(code, 2)
  assert.equal(stderr.trim().split('\n').length, 1, stderr)
  assert.match(stderr, new RegExp(`port ${port} is already in use`))
  assert.doesNotMatch(stderr, /\n\s+at /)
})
