'use strict'
// The browser model's wording and decisions against real Chromium for the failures no
// framework produces on purpose: hand-written headers from a plain node:http server, which
// the checker must not mistake for a known stack.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases } = require('./cases')

const SCRIPT = path.join(__dirname, 'servers', 'raw-headers.js')

function cases(api, pages) {
  const put = { method: 'PUT', headers: [['X-Api-Key', 'k']] }
  const at = (name) => `${api}/raw/${name}`
  const expect = { server: null }
  return [
    { name: 'two Access-Control-Allow-Origin headers', url: at('two-values'), origin: pages.allowed, expect },
    { name: 'a comma-separated Access-Control-Allow-Origin', url: at('comma-list'), origin: pages.allowed, expect },
    { name: 'an Access-Control-Allow-Origin that is not a URL', url: at('not-a-url'), origin: pages.allowed, expect },
    { name: 'credentials with Access-Control-Allow-Credentials: false', url: at('credentials-false'), origin: pages.allowed, credentials: true, expect },
    { name: 'preflight answered 404 with CORS headers', url: at('preflight-404'), origin: pages.allowed, ...put, expect },
    { name: 'preflight redirected', url: at('preflight-redirect'), origin: pages.allowed, ...put, expect },
    { name: 'unparsable Access-Control-Allow-Methods', url: at('bad-method-list'), origin: pages.allowed, ...put, expect },
    { name: 'method not in Access-Control-Allow-Methods', url: at('method-missing'), origin: pages.allowed, ...put, expect },
    { name: 'Authorization through Access-Control-Allow-Headers: *', url: at('authorization-wildcard'), origin: pages.allowed, method: 'PUT', headers: [['Authorization', 'Bearer t']], expect },
    { name: 'preflight passes', url: at('preflight-ok'), origin: pages.allowed, ...put, expect },
    { name: 'redirect to another origin: Origin becomes null', url: at('redirect-other-origin'), origin: pages.allowed, expect },
    { name: 'redirect to another origin that allows null', url: at('redirect-to-null-ok'), origin: pages.allowed, expect },
    { name: 'redirect hop without CORS headers', url: at('redirect-without-cors'), origin: pages.allowed, expect },
  ]
}

test('the model words and decides raw header cases as Chromium does', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const { pages, browser } = await startChromium(t)
  const server = await startProcess(process.execPath, [SCRIPT], { env: { PAGE_ORIGIN: pages.allowed } })
  t.after(() => server.stop())
  assert.deepEqual(await runCases(t, browser, 'node:http', cases(server.url, pages)), [])
})
