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
const { expressCases } = require('./suites')

const SCRIPT = path.join(__dirname, 'servers', 'express-app.js')

test('check agrees with Chromium on Express with cors and cors-native', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const { pages, browser } = await startChromium(t)
  const failures = []
  for (const mode of ['cors', 'native']) {
    const server = await startProcess(process.execPath, [SCRIPT, mode], { env: { PAGE_ORIGIN: pages.allowed } })
    t.after(() => server.stop())
    failures.push(...await runCases(t, browser, `Express + ${mode === 'cors' ? 'cors@2.8.6' : 'cors-native'}`, expressCases(server.url, pages)))
    // The fix applied: the app started again with the fix's options on /fixed.
    const blocked = { name: `${mode}: header not in allowedHeaders`, url: `${server.url}/limited-headers/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] }
    failures.push(...await proveFix(browser, blocked, async (fix) => {
      const fixed = await startProcess(process.execPath, [SCRIPT, mode], { env: { PAGE_ORIGIN: pages.allowed, FIX_BASE: 'limited-headers', FIX: JSON.stringify(jsOptions(fix)) } })
      return { url: `${fixed.url}/fixed/items`, stop: fixed.stop }
    }))
  }
  assert.deepEqual(failures, [])
})
