'use strict'
// The model's patch, proved on real servers: for every blocked case of the check suites,
// check() returns a patch the model judges passing in all three engines; a proxy that applies
// it to the server's answers lets real Chromium through, check() through the proxy says
// allowed everywhere, the "works but unsafe" probes find nothing new, and the patched
// preflight still allows every method and header the server allowed.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { check } = require('../../lib/check')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium, chromiumFetch } = require('./chromium')
const { fetchInit } = require('./cases')
const { expressCases, fastapiCases, djangoCases, rawCases } = require('./suites')
const { pythonWithServers, pythonMissing } = require('./python-env')
const { startPatchProxy } = require('./patch-proxy')
const { headerValue } = require('../../lib/check/http')

const SERVERS = path.join(__dirname, 'servers')
const MIN_BLOCKED = 20

// Names as the patch reads a list: split at commas and, in an unparsable list, at spaces.
const listed = (response, name) => (headerValue(response?.headers ?? [], name) ?? '').split(/[,\s]+/).filter(Boolean)

/** What the patch must keep: each method (exactly) and header (any case) the preflight allowed. */
function narrowed(before, after) {
  const lost = []
  const methods = listed(after, 'access-control-allow-methods')
  const headers = listed(after, 'access-control-allow-headers').map((h) => h.toLowerCase())
  for (const method of listed(before, 'access-control-allow-methods')) if (!methods.includes(method)) lost.push(`method ${method}`)
  for (const header of listed(before, 'access-control-allow-headers')) if (!headers.includes(header.toLowerCase())) lost.push(`header ${header}`)
  return lost
}

/** Checks one case directly and through the proxy; returns what failed, or null when the case is not blocked. */
async function prove(t, browser, proxy, upstream, c) {
  const options = { origin: c.origin, method: c.method, headers: c.headers, credentials: c.credentials, body: c.body }
  const before = await check(c.url, options)
  if (before.allowed) return null
  const misses = []
  if (before.requestFix) {
    // Only Origin: null would pass: no header patch, the request changes instead.
    if (before.patch.length !== 0) misses.push(`a header patch beside the request fix: ${JSON.stringify(before.patch)}`)
    if (!before.requestFix.url) misses.push('the request fix names no URL')
    t.diagnostic(`| ${c.name} | request fix: fetch ${before.requestFix.url} directly |`)
    return { misses, proved: false }
  }
  const verdicts = before.patchVerdicts
  if (!(verdicts.chromium && verdicts.firefox && verdicts.webkit)) misses.push(`patchVerdicts ${JSON.stringify(verdicts)}`)
  for (const edit of before.patch) {
    for (const [name, value] of edit.set) {
      if (name.toLowerCase() === 'access-control-allow-origin' && value !== c.origin) misses.push(`Access-Control-Allow-Origin: ${value}`)
    }
  }
  proxy.use(before.patch, before.exchanges.actual.map((hop) => new URL(hop.request.url).pathname))
  const proxied = c.url.replace(upstream, proxy.url)
  const seen = await chromiumFetch(browser, c.origin, proxied, fetchInit(c))
  if (!seen.allowed) misses.push(`Chromium still blocks it: ${seen.console.filter((l) => l.includes('CORS')).join(' ')}`)
  const after = await check(proxied, options)
  for (const [name, verdict] of Object.entries(after.engines)) if (!verdict.allowed) misses.push(`${name} through the proxy: ${verdict.console}`)
  const known = new Set(before.unsafe.map((u) => u.code))
  for (const finding of after.unsafe) if (!known.has(finding.code)) misses.push(`new unsafe finding ${finding.code}`)
  if (before.exchanges.preflight) misses.push(...narrowed(before.exchanges.preflight.response, after.exchanges.preflight?.response).map((lost) => `the patched preflight lost ${lost}`))
  t.diagnostic(`| ${c.name} | ${before.patch.map((e) => `${e.step}${e.hop === null ? '' : ` ${e.hop}`}: ${[e.status ?? '', ...e.set.map(([n, v]) => `${n}: ${v}`)].filter(Boolean).join('; ')}`).join(' / ')} |`)
  return { misses, proved: true }
}

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
      const outcome = await prove(t, browser, proxy, server.url, c)
      if (!outcome) continue
      if (outcome.proved) proved++
      failures.push(...outcome.misses.map((miss) => `${c.name}: ${miss}`))
    }
  }
  t.diagnostic(`${proved} blocked cases proved through the proxy`)
  assert.deepEqual(failures, [])
  assert.ok(proved >= MIN_BLOCKED, `only ${proved} blocked cases were proved`)
})
