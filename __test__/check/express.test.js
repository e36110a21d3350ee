'use strict'
// `cors-native check` against Express 5 with cors@2.8.6 and with cors-native: the checker's
// verdict and Chromium line equal what real Chromium does, case by case.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases, proveFix } = require('./cases')
const { jsOptions } = require('./fix-snippet')

const SCRIPT = path.join(__dirname, 'servers', 'express-app.js')

function cases(api, pages) {
  const json = [['Content-Type', 'application/json']]
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true },
    { name: 'typical: credentialed JSON PUT (preflight)', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}' },
    { name: 'typical: another origin', url: `${api}/typical/items`, origin: pages.other },
    { name: 'trailing slash in origin', url: `${api}/slash/items`, origin: pages.allowed, expect: { server: 'express', fix: /differs only by a trailing slash\): if http:\/\/localhost:\d+ should be allowed, write it exactly so in `origin`/ } },
    // The defaults allow DELETE: the fix must neither list methods nor replace the origins.
    { name: 'typical: DELETE from another origin', url: `${api}/typical/items`, origin: pages.other, method: 'DELETE', expect: { server: 'express', fix: /^(?!.*methods)if http:\/\/127\.0\.0\.1:\d+ should be allowed, add it to `origin`$/ } },
    { name: "origin '*' with credentials", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true },
    { name: "origin '*', request without credentials", url: `${api}/star-credentials/items`, origin: pages.allowed },
    { name: 'origin: true with credentials (reflects any)', url: `${api}/reflect/items`, origin: pages.allowed, credentials: true, expect: { unsafe: ['echoes-any-origin-with-credentials'] } },
    { name: 'custom header not in allowedHeaders', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] },
    { name: 'handler throws: 500', url: `${api}/typical/boom`, origin: pages.allowed, expect: { problems: ['server-error'] } },
    { name: 'route registered before cors()', url: `${api}/late/items`, origin: pages.allowed },
  ]
}

test('check agrees with Chromium on Express with cors and cors-native', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const { pages, browser } = await startChromium(t)
  const failures = []
  for (const mode of ['cors', 'native']) {
    const server = await startProcess(process.execPath, [SCRIPT, mode], { env: { PAGE_ORIGIN: pages.allowed } })
    t.after(() => server.stop())
    failures.push(...await runCases(t, browser, `Express + ${mode === 'cors' ? 'cors@2.8.6' : 'cors-native'}`, cases(server.url, pages)))
    // The fix applied: the app started again with the fix's options on /fixed.
    const blocked = { name: `${mode}: header not in allowedHeaders`, url: `${server.url}/limited-headers/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] }
    failures.push(...await proveFix(browser, blocked, async (fix) => {
      const fixed = await startProcess(process.execPath, [SCRIPT, mode], { env: { PAGE_ORIGIN: pages.allowed, FIX_BASE: 'limited-headers', FIX: JSON.stringify(jsOptions(fix)) } })
      return { url: `${fixed.url}/fixed/items`, stop: fixed.stop }
    }))
  }
  assert.deepEqual(failures, [])
})
