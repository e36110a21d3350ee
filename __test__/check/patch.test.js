'use strict'
// The model's patch, proved on real servers: for every blocked case of the check suites,
// check() returns a patch the model judges passing in all three engines; a proxy that applies
// it to the server's answers lets real Chromium through, check() through the proxy says
// allowed everywhere, the "works but unsafe" probes find nothing new, and the patched
// preflight still allows every method and header the server allowed.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { expressCases, fastapiCases, djangoCases, rawCases } = require('./suites')
const { pythonWithServers, pythonMissing } = require('./python-env')
const { startPatchProxy } = require('./patch-proxy')
const { prove } = require('./patch-proof')

const SERVERS = path.join(__dirname, 'servers')
const MIN_BLOCKED = 20

test("the model's patch lets real Chromium through on the suites' blocked cases", { timeout: 10 * 60_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing() ?? pythonMissing())) return
  const python = pythonWithServers()
  const { pages, browser } = await startChromium(t)
  const env = { PAGE_ORIGIN: pages.allowed, PYTHONUNBUFFERED: '1' }
  const start = (command, script, ...args) => startProcess(command, [path.join(SERVERS, script), ...args], { env })
  const servers = await Promise.all([
    start(process.execPath, 'express-app.js', 'cors'),
    start(process.execPath, 'express-app.js', 'native'),
    start(process.execPath, 'raw-headers.js'),
    start(python, 'fastapi_app.py'),
    startProcess(python, [path.join(SERVERS, 'django_app.py')], { env: { ...env, CONFIG: 'typical' } }),
    startProcess(python, [path.join(SERVERS, 'django_app.py')], { env: { ...env, CONFIG: 'allow-all' } }),
  ])
  t.after(() => Promise.all(servers.map((server) => server.stop())))
  const [expressCors, expressNative, raw, fastapi, djangoTypical, djangoAllowAll] = servers
  // Each Django configuration is its own server; a case belongs to the one its URL names.
  const django = (api) => djangoCases(djangoTypical.url, djangoAllowAll.url, pages).filter((c) => c.url.startsWith(`${api}/`))
  const stacks = [
    { server: expressCors, cases: expressCases },
    { server: expressNative, cases: expressCases },
    { server: raw, cases: rawCases },
    { server: fastapi, cases: fastapiCases },
    { server: djangoTypical, cases: django },
    { server: djangoAllowAll, cases: django },
  ]
  const failures = []
  let proved = 0
  for (const { server, cases } of stacks) {
    const proxy = await startPatchProxy(server.url)
    t.after(() => proxy.close())
    for (const c of cases(server.url, pages)) {
      const outcome = await prove(browser, proxy, c)
      if (!outcome) continue
      t.diagnostic(`| ${c.name} | ${outcome.row.join(' | ')} |`)
      if (outcome.proved) proved++
      failures.push(...outcome.misses.map((miss) => `${c.name}: ${miss}`))
    }
  }
  t.diagnostic(`${proved} blocked cases proved through the proxy`)
  assert.deepEqual(failures, [])
  assert.ok(proved >= MIN_BLOCKED, `only ${proved} blocked cases were proved`)
})
