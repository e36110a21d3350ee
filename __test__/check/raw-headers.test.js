'use strict'
// The browser model's wording and decisions against real Chromium for the failures no
// framework produces on purpose: hand-written headers from a plain node:http server.
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
  return [
    { name: 'two Access-Control-Allow-Origin headers', url: at('two-values'), origin: pages.allowed },
    { name: 'a comma-separated Access-Control-Allow-Origin', url: at('comma-list'), origin: pages.allowed },
    { name: 'an Access-Control-Allow-Origin that is not a URL', url: at('not-a-url'), origin: pages.allowed },
    { name: 'credentials with Access-Control-Allow-Credentials: false', url: at('credentials-false'), origin: pages.allowed, credentials: true },
    { name: 'preflight answered 404 with CORS headers', url: at('preflight-404'), origin: pages.allowed, ...put },
    { name: 'preflight redirected', url: at('preflight-redirect'), origin: pages.allowed, ...put },
    { name: 'unparsable Access-Control-Allow-Methods', url: at('bad-method-list'), origin: pages.allowed, ...put },
    { name: 'method not in Access-Control-Allow-Methods', url: at('method-missing'), origin: pages.allowed, ...put },
    { name: 'Authorization through Access-Control-Allow-Headers: *', url: at('authorization-wildcard'), origin: pages.allowed, method: 'PUT', headers: [['Authorization', 'Bearer t']] },
    { name: 'preflight passes', url: at('preflight-ok'), origin: pages.allowed, ...put },
    { name: 'redirect to another origin: Origin becomes null', url: at('redirect-other-origin'), origin: pages.allowed },
    { name: 'redirect to another origin that allows null', url: at('redirect-to-null-ok'), origin: pages.allowed },
    { name: 'redirect hop without CORS headers', url: at('redirect-without-cors'), origin: pages.allowed },
  ]
}

test('the model words and decides raw header cases as Chromium does', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const { pages, browser } = await startChromium(t)
  const server = await startProcess(process.execPath, [SCRIPT], { env: { PAGE_ORIGIN: pages.allowed } })
  t.after(() => server.stop())
  assert.deepEqual(await runCases(t, browser, 'node:http', cases(server.url, pages)), [])
})
