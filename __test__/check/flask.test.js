'use strict'
// `cors-native check` against Flask with Flask-CORS (werkzeug's server), from the venv of
// python-env.js: the checker's verdict and Chromium line equal what real Chromium does, case
// by case, and the checker names the stack; each blocked case's patch is proved through the
// patch proxy.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases, proveFix } = require('./cases')
const { snippet } = require('./fix-snippet')
const { pythonWithServers, pythonMissing } = require('./python-env')
const { startPatchProxy } = require('./patch-proxy')

const SCRIPT = path.join(__dirname, 'servers', 'flask_app.py')
const json = [['Content-Type', 'application/json']]
const apiKey = [['X-Api-Key', 'k']]

function cases(api, pages) {
  const expect = { server: 'flask-cors' }
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'typical: credentialed JSON PUT', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect },
    { name: 'typical: view raises (500 keeps the headers)', url: `${api}/typical/boom`, origin: pages.allowed, expect },
    { name: 'typical: another origin', url: `${api}/typical/items`, origin: pages.other, expect },
    { name: 'typical: another origin, DELETE', url: `${api}/typical/items`, origin: pages.other, method: 'DELETE', expect },
    { name: "typical: fetch with method 'patch' (not upper-cased)", url: `${api}/typical/items`, origin: pages.allowed, method: 'patch', body: '{}', expect },
    { name: 'typical: unknown route, 404 without CORS headers', url: `${api}/typical/nope`, origin: pages.allowed, expect },
    { name: 'typical: strict-slash redirect (308) without CORS headers', url: `${api}/typical/folder`, origin: pages.allowed, expect },
    { name: 'typical: strict-slash redirect of a preflight', url: `${api}/typical/folder`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}', expect },
    { name: 'trailing slash in origins', url: `${api}/slash/items`, origin: pages.allowed, expect },
    { name: "origins='*' with supports_credentials (reflects any)", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect: { ...expect, unsafe: ['echoes-any-origin-with-credentials'] } },
    { name: "methods=['GET', 'POST']: JSON PUT", url: `${api}/limited-methods/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}', expect },
    { name: 'no supports_credentials: credentialed GET', url: `${api}/limited-methods/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'header not in allow_headers', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'authentication before CORS: preflight 401', url: `${api}/auth-first/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'authentication before CORS: GET gets a readable 401', url: `${api}/auth-first/items`, origin: pages.allowed, expect },
    { name: 'blueprint without CORS: GET', url: `${api}/no-cors/items`, origin: pages.allowed, expect },
  ]
}

test('check agrees with Chromium on Flask with Flask-CORS, and its fix works', { timeout: 15 * 60_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing() ?? pythonMissing())) return
  const python = pythonWithServers()
  const { pages, browser } = await startChromium(t)
  const start = (env = {}) => startProcess(python, [SCRIPT], { env: { PAGE_ORIGIN: pages.allowed, PYTHONUNBUFFERED: '1', ...env } })
  const flask = await start()
  t.after(() => flask.stop())
  const proxy = await startPatchProxy(flask.url)
  t.after(() => proxy.close())
  const failures = await runCases(t, browser, 'Flask', cases(flask.url, pages), proxy)
  // The fix applied: the app started again with the CORS(...) call of the fix on /fixed.
  const blocked = { name: 'no supports_credentials: credentialed GET', url: `${flask.url}/limited-methods/items`, origin: pages.allowed, credentials: true }
  failures.push(...await proveFix(browser, blocked, async (fix) => {
    const fixed = await start({ FIX_BASE: 'limited-methods', FIX: snippet(fix) })
    return { url: `${fixed.url}/fixed/items`, stop: fixed.stop }
  }))
  assert.deepEqual(failures, [])
})
