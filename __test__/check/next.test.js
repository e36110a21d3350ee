'use strict'
// `cors-native check` against the Next.js example (examples/next-app, built with next build
// and served by next start): the checker's verdict and Chromium line equal what real Chromium
// does, including a route that forgot `export const OPTIONS` (app/api/boom) and a method
// the route does not export.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases } = require('./cases')
const { installAndBuild } = require('../support/next-build')
const { freePort } = require('../support/free-port')

const repoDir = path.join(__dirname, '..', '..')
const appDir = path.join(repoDir, 'examples', 'next-app')

function cases(api, pages) {
  const json = [['Content-Type', 'application/json']]
  return [
    { name: 'route handler: GET', url: `${api}/api/todos`, origin: pages.allowed },
    { name: 'route handler: credentialed GET', url: `${api}/api/todos`, origin: pages.allowed, credentials: true },
    { name: 'route handler: JSON POST answered by cors.OPTIONS', url: `${api}/api/todos`, origin: pages.allowed, method: 'POST', headers: json, credentials: true, body: '{"title":"checked"}' },
    { name: 'route handler: PUT the route does not export (405)', url: `${api}/api/todos`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}', expect: { problems: ['method-not-allowed'] } },
    { name: 'handler throws: wrapped 500', url: `${api}/api/boom`, origin: pages.allowed },
    { name: 'forgotten OPTIONS: preflighted GET', url: `${api}/api/boom`, origin: pages.allowed, headers: [['X-Api-Key', 'k']], expect: { server: 'next', problems: ['forgotten-options'], fix: /export const OPTIONS = cors.OPTIONS/ } },
    { name: 'refused origin', url: `${api}/api/todos`, origin: pages.other },
    { name: 'proxy.ts: preflighted GET', url: `${api}/api/public/status`, origin: pages.allowed, headers: [['X-Api-Key', 'k']], expect: { server: 'next' } },
    // Only the preflight, answered by cors-native/next in proxy.ts: cors-native's signs, not Express's.
    { name: 'proxy.ts: refused origin', url: `${api}/api/public/status`, origin: pages.other, headers: [['X-Api-Key', 'k']], expect: { server: 'next' } },
  ]
}

test('check agrees with Chromium on the Next.js example', { timeout: 10 * 60_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const nextBin = installAndBuild(appDir)
  const port = await freePort()
  const next = await startProcess(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: appDir, ready: /Ready/, env: { NEXT_TELEMETRY_DISABLED: '1' } })
  t.after(() => next.stop())
  const { pages, browser } = await startChromium(t)
  // The example allows http://localhost:* and not http://127.0.0.1:*, so the API is called by
  // name and the refused page is the one at 127.0.0.1.
  const failures = await runCases(t, browser, 'Next.js', cases(`http://localhost:${port}`, pages))
  assert.deepEqual(failures, [])
})
