'use strict'
// `cors-native check` against the Next.js example (examples/next-app, built with next build
// and served by next start): the checker's verdict and Chromium line equal what real Chromium
// does, including a route that forgot `export const OPTIONS` (app/api/boom) and a method
// the route does not export.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const net = require('node:net')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { startProcess } = require('./check/processes')
const { chromiumMissing, launch, startPages } = require('./check/chromium')
const { runCases } = require('./check/cases')
const { useRepositoryBuild } = require('./support/next-build')

const repoDir = path.join(__dirname, '..')
const appDir = path.join(repoDir, 'examples', 'next-app')
const nextBin = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
const SOURCES = ['app', 'lib', 'proxy.ts', 'next.config.mjs', 'package.json']

function newestChange(entry) {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))))
}

/** Installs and builds the example unless a build newer than its sources is there. */
function buildExample() {
  const env = { ...process.env, CARGO_TARGET_DIR: path.join(repoDir, 'target'), NEXT_TELEMETRY_DISABLED: '1' }
  if (!fs.existsSync(nextBin)) {
    fs.rmSync(path.join(appDir, 'node_modules', 'cors-native'), { recursive: true, force: true })
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: appDir, env, stdio: 'pipe' })
    useRepositoryBuild(appDir)
  }
  const buildId = path.join(appDir, '.next', 'BUILD_ID')
  const sourcesChanged = Math.max(...SOURCES.map((name) => newestChange(path.join(appDir, name))))
  if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < sourcesChanged) {
    execFileSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env, stdio: 'pipe' })
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

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
    { name: 'proxy.ts: preflighted GET', url: `${api}/api/public/status`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] },
  ]
}

test('check agrees with Chromium on the Next.js example', { timeout: 10 * 60_000 }, async (t) => {
  const missing = chromiumMissing()
  if (missing) {
    if (process.env.CI === 'true') assert.fail(missing)
    console.warn(`SKIPPED: ${missing}`)
    return t.skip(missing)
  }
  buildExample()
  const port = await freePort()
  const next = await startProcess(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: appDir, ready: /Ready/, env: { NEXT_TELEMETRY_DISABLED: '1' } })
  t.after(() => next.stop())
  const pages = await startPages()
  t.after(() => pages.close())
  const browser = await launch()
  t.after(() => browser.close())
  // The example allows http://localhost:* and not http://127.0.0.1:*, so the API is called by
  // name and the refused page is the one at 127.0.0.1.
  const failures = await runCases(t, browser, 'Next.js', cases(`http://localhost:${port}`, pages))
  assert.deepEqual(failures, [])
})
