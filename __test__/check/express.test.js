'use strict'
// `cors-native check` against Express 5 with cors@2.8.6 and with cors-native: the checker's
// verdict and Chromium line equal what real Chromium does, case by case.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases } = require('./cases')
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
  }
  assert.deepEqual(failures, [])
})
