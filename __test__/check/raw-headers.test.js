'use strict'
// The browser model's wording and decisions against real Chromium for the failures no
// framework produces on purpose: hand-written headers from a plain node:http server.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases } = require('./cases')
const { rawCases } = require('./suites')

const SCRIPT = path.join(__dirname, 'servers', 'raw-headers.js')

test('the model words and decides raw header cases as Chromium does', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const { pages, browser } = await startChromium(t)
  const server = await startProcess(process.execPath, [SCRIPT], { env: { PAGE_ORIGIN: pages.allowed } })
  t.after(() => server.stop())
  assert.deepEqual(await runCases(t, browser, 'node:http', rawCases(server.url, pages)), [])
})
