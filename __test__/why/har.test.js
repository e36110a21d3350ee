'use strict'
// `why --har`: a HAR recorded by real Chromium (playwright-core's recordHar) on a page whose
// fetches fail in every way the model knows, and succeed; each cross-origin request gets the
// browser's own verdict. Then hand-written HARs for what Playwright does not record
// (preflights, a blocked answer's headers) and malformed files, which exit 2.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { chromiumMissing, skippedFor, launch } = require('../check/chromium')
const { startPageServer } = require('../browser/servers')
const { FAILURES, startFailingApi } = require('./failing-api')
const { MAX_ENTRIES } = require('../../lib/why/har')
const { run } = require('../../lib/why/cli')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-har-'))
test.after(() => fs.rmSync(dir, { recursive: true, force: true }))

/** `cors-native why --har <file> --json`, run in this process. */
async function whyHar(file) {
  let stdout = ''
  let stderr = ''
  const code = await run(['--har', file, '--json'], { out: { write: (text) => { stdout += text } }, err: { write: (text) => { stderr += text } } })
  return { code, stdout, stderr }
}

function writeHar(name, value) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

test('every request of a HAR recorded by Chromium gets the browser\'s verdict', { timeout: 90_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const pages = await startPageServer()
  t.after(pages.close)
  const api = await startFailingApi()
  t.after(api.close)
  const browser = await launch()
  t.after(() => browser.close())

  const file = path.join(dir, 'recorded.har')
  const context = await browser.newContext({ recordHar: { path: file } })
  const page = await context.newPage()
  await page.goto(`${pages.origin}/`)
  const fetches = [
    ...Object.entries(FAILURES).map(([route, { init }]) => [route, init]),
    ['/ok', {}],
    ['/ok?preflighted', { method: 'PUT', headers: { 'x-a': '1' } }],
  ]
  const seen = new Map()
  for (const [route, init] of fetches) {
    const result = await page.evaluate((args) => window.runScenario(args), { url: api.base + route, init })
    seen.set(api.base + route, result.verdict)
  }
  await context.close() // writes the HAR

  const { code, stdout } = await whyHar(file)
  const results = JSON.parse(stdout)
  assert.equal(code, 1) // some requests were blocked
  const byUrl = new Map(results.map((r) => [r.url, r]))
  for (const [url, verdict] of seen) {
    const result = byUrl.get(url)
    assert.ok(result, `${url} is not among the HAR's cross-origin requests`)
    assert.equal(result.origin, pages.origin, url)
    assert.equal(result.recorded.failed, verdict === 'blocked', url)
    assert.equal(result.engines.chromium.allowed, verdict === 'ok', url)
  }
  // The successful fetches were judged by the model from their recorded answers.
  assert.equal(byUrl.get(`${api.base}/ok?preflighted`).method, 'PUT')
  assert.equal(byUrl.get(`${api.base}/ok`).engines.firefox.allowed, true)
  assert.ok(!byUrl.has(`${pages.origin}/`), 'the page itself is not cross-origin')
})

const entry = (method, url, requestHeaders, status, responseHeaders, extra = {}) => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  request: { method, url, headers: requestHeaders.map(([name, value]) => ({ name, value })), cookies: [] },
  response: { status, headers: responseHeaders.map(([name, value]) => ({ name, value })), redirectURL: '', ...extra.response },
  ...extra.entry,
})

test('a preflight recorded before its request is judged with it, and a blocked answer by its headers', async () => {
  const page = 'https://app.example.com'
  const url = 'https://api.example.com/items'
  const har = { log: { version: '1.2', creator: { name: 'WebInspector' }, entries: [
    entry('OPTIONS', url, [['Origin', page], ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'content-type']], 204,
      [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Methods', 'GET']], { entry: { _resourceType: 'preflight' } }),
    entry('PUT', url, [['Origin', page], ['Content-Type', 'application/json']], 0, [], { entry: { _resourceType: 'fetch' }, response: { _error: 'net::ERR_FAILED' } }),
    entry('GET', `${url}/2`, [['Origin', page]], 200, [['Access-Control-Allow-Origin', 'https://other.example.com']], { entry: { _resourceType: 'fetch' } }),
  ] } }
  const { code, stdout } = await whyHar(writeHar('devtools.har', har))
  assert.equal(code, 1)
  const [put, get] = JSON.parse(stdout)
  assert.equal(put.engines.chromium.step, 'preflight')
  assert.equal(put.engines.chromium.failure, 'method-not-allowed')
  assert.deepEqual(put.requestHeaders, [['Content-Type', 'application/json']])
  assert.equal(get.engines.firefox.failure, 'allow-origin-mismatch')
  assert.equal(get.engines.chromium.step, 'response')
})

test('Firefox\'s HAR, untyped: a request is CORS\'s only when it carried an Origin', async () => {
  const page = 'https://app.example.com'
  const har = { log: { version: '1.2', creator: { name: 'Firefox' }, browser: { name: 'Firefox' }, entries: [
    entry('GET', 'https://cdn.example.net/logo.png', [['Referer', `${page}/`]], 200, []),
    entry('GET', 'https://api.example.com/me', [['Origin', page], ['Referer', `${page}/`], ['Cookie', 'sid=1']], 200, [['Access-Control-Allow-Origin', page]]),
  ] } }
  const { code, stdout } = await whyHar(writeHar('firefox.har', har))
  const results = JSON.parse(stdout)
  assert.deepEqual(results.map((r) => r.url), ['https://api.example.com/me'])
  assert.equal(results[0].credentials, 'include')
  assert.equal(results[0].recorded.engine, 'firefox')
  assert.equal(results[0].engines.firefox.failure, 'allow-credentials-not-true')
  assert.equal(code, 1)
})

test('a malformed HAR is a clear error, exit 2', async () => {
  const cases = [
    ['not-json.har', '{"log": ', /is not JSON/],
    ['no-entries.har', { log: {} }, /no log.entries list/],
    ['bad-entry.har', { log: { entries: [{ request: { method: 'GET' }, response: { status: 200, headers: [] } }] } }, /log.entries\[0\].request needs a method and a url/],
    ['bad-headers.har', { log: { entries: [entry('GET', 'https://a.example/', [], 200, []), { ...entry('GET', 'https://a.example/', [], 200, []), request: { method: 'GET', url: 'https://a.example/', headers: [{ name: 1 }] } }] } }, /log.entries\[1\].request.headers\[0\] must be/],
    ['too-many.har', `{"log":{"entries":[${Array(MAX_ENTRIES + 1).fill('{}').join(',')}]}}`, /over the limit/],
  ]
  for (const [name, value, message] of cases) {
    const { code, stderr } = await whyHar(writeHar(name, value))
    assert.equal(code, 2, name)
    assert.match(stderr, message, name)
  }
  const missing = await whyHar(path.join(dir, 'absent.har'))
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /no such file/)
})
