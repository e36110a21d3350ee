'use strict'
// `cors-native check` against Fastify (@fastify/cors), Hono (hono/cors) and Koa (@koa/cors):
// the checker's verdict and Chromium line equal what real Chromium does, case by case, and
// the checker names the stack; each blocked case's patch is proved through the patch proxy.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases, proveFix } = require('./cases')
const { jsOptions } = require('./fix-snippet')
const { startPatchProxy } = require('./patch-proxy')

const SERVERS = path.join(__dirname, 'servers')
const json = [['Content-Type', 'application/json']]
const apiKey = [['X-Api-Key', 'k']]

function fastifyCases(api, pages) {
  const expect = { server: 'fastify' }
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'typical: credentialed JSON PUT', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect },
    { name: 'typical: handler throws (500 keeps the headers)', url: `${api}/typical/boom`, origin: pages.allowed, expect },
    { name: 'typical: another origin', url: `${api}/typical/items`, origin: pages.other, expect },
    { name: 'typical: PATCH not in methods', url: `${api}/typical/items`, origin: pages.allowed, method: 'PATCH', headers: json, body: '{}', expect },
    { name: "typical: fetch with method 'patch' (not upper-cased)", url: `${api}/typical/items`, origin: pages.allowed, method: 'patch', body: '{}', expect },
    { name: 'typical: unknown route, 404 without CORS headers', url: `${api}/typical/nope`, origin: pages.allowed, expect },
    { name: 'default methods: JSON PUT', url: `${api}/defaults/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}', expect },
    { name: 'no credentials option: credentialed GET', url: `${api}/defaults/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'trailing slash in origin', url: `${api}/slash/items`, origin: pages.allowed, expect },
    { name: "origin '*' with credentials", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'header not in allowedHeaders', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'origin function says no: preflight 404', url: `${api}/origin-function/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: "lower-case methods ['get', 'put']: PUT", url: `${api}/lower-case-methods/items`, origin: pages.allowed, method: 'PUT', headers: apiKey, expect },
    { name: 'auth hook before cors: preflight 401', url: `${api}/auth-first/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'route outside the cors scope', url: `${api}/no-cors/items`, origin: pages.allowed, expect },
  ]
}

function honoCases(api, pages) {
  const expect = { server: 'hono' }
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'typical: credentialed JSON PUT', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect },
    { name: 'typical: handler throws (500 keeps the headers)', url: `${api}/typical/boom`, origin: pages.allowed, expect },
    { name: 'typical: another origin', url: `${api}/typical/items`, origin: pages.other, headers: apiKey, expect },
    { name: "typical: fetch with method 'patch' (not upper-cased)", url: `${api}/typical/items`, origin: pages.allowed, method: 'patch', body: '{}', expect },
    { name: 'trailing slash in origin', url: `${api}/slash/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: "origin '*' with credentials", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect },
    { name: "allowMethods ['GET', 'POST']: JSON PUT", url: `${api}/limited-methods/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}', expect },
    { name: "allowMethods ['GET', 'POST']: DELETE", url: `${api}/limited-methods/items`, origin: pages.allowed, method: 'DELETE', expect },
    { name: 'no credentials option: credentialed GET', url: `${api}/limited-methods/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'header not in allowHeaders', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'origin function with a fixed fallback', url: `${api}/fallback/items`, origin: pages.allowed, expect },
    { name: 'route registered before cors(): GET', url: `${api}/late/items`, origin: pages.allowed, expect: { server: null } },
    { name: 'no cors: preflight 404', url: `${api}/no-cors/items`, origin: pages.allowed, headers: apiKey, expect },
  ]
}

function koaCases(api, pages) {
  const expect = { server: 'koa' }
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'typical: credentialed JSON PUT', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect },
    { name: 'typical: another origin (fixed origin string)', url: `${api}/typical/items`, origin: pages.other, expect },
    { name: 'typical: another origin, preflighted PUT', url: `${api}/typical/items`, origin: pages.other, method: 'PUT', headers: json, body: '{}', expect },
    { name: "typical: fetch with method 'patch' (not upper-cased)", url: `${api}/typical/items`, origin: pages.allowed, method: 'patch', body: '{}', expect },
    { name: 'trailing slash in origin', url: `${api}/slash/items`, origin: pages.allowed, expect },
    { name: "origin '*' with credentials (reflects any)", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect: { ...expect, unsafe: ['echoes-any-origin-with-credentials'] } },
    { name: "allowMethods 'GET,POST': JSON PUT", url: `${api}/limited-methods/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}', expect },
    { name: 'no credentials option: credentialed GET', url: `${api}/limited-methods/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'header not in allowHeaders', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: "allowMethods 'get,put': PUT", url: `${api}/lower-case-methods/items`, origin: pages.allowed, method: 'PUT', headers: apiKey, expect },
    { name: 'keepHeadersOnError: false, handler throws', url: `${api}/drop-headers-on-error/boom`, origin: pages.allowed, expect },
    { name: 'origin function says no: preflight falls through (405)', url: `${api}/origin-function/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'cors mounted after the app: preflight 405', url: `${api}/late/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'cors mounted after the app: GET', url: `${api}/late/items`, origin: pages.allowed, expect },
  ]
}

// One blocked case per stack whose fix is applied: the server started again with the fix's
// options merged over that route's, under /fixed.
const PROOFS = [
  { script: 'fastify-app.js', base: 'defaults', name: 'Fastify: default methods, JSON PUT', method: 'PUT', headers: json, body: '{}' },
  { script: 'hono-app.js', base: 'limited-headers', name: 'Hono: header not in allowHeaders', headers: apiKey },
  { script: 'koa-app.js', base: 'limited-headers', name: 'Koa: header not in allowHeaders', headers: apiKey },
]

test('check agrees with Chromium on Fastify, Hono and Koa, and its fixes work', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing())) return
  const { pages, browser } = await startChromium(t)
  const start = (script, env = {}) => startProcess(process.execPath, [path.join(SERVERS, script)], { env: { PAGE_ORIGIN: pages.allowed, ...env } })
  const [fastify, hono, koa] = await Promise.all([start('fastify-app.js'), start('hono-app.js'), start('koa-app.js')])
  t.after(() => Promise.all([fastify.stop(), hono.stop(), koa.stop()]))
  const proxies = await Promise.all([fastify, hono, koa].map((server) => startPatchProxy(server.url)))
  t.after(() => Promise.all(proxies.map((proxy) => proxy.close())))
  const failures = [
    ...await runCases(t, browser, 'Fastify', fastifyCases(fastify.url, pages), proxies[0]),
    ...await runCases(t, browser, 'Hono', honoCases(hono.url, pages), proxies[1]),
    ...await runCases(t, browser, 'Koa', koaCases(koa.url, pages), proxies[2]),
  ]
  const running = { 'fastify-app.js': fastify, 'hono-app.js': hono, 'koa-app.js': koa }
  for (const { script, base, ...c } of PROOFS) {
    const fixCase = { ...c, url: `${running[script].url}/${base}/items`, origin: pages.allowed }
    failures.push(...await proveFix(browser, fixCase, async (fix) => {
      const fixed = await start(script, { FIX_BASE: base, FIX: JSON.stringify(jsOptions(fix)) })
      return { url: `${fixed.url}/fixed/items`, stop: fixed.stop }
    }))
  }
  assert.deepEqual(failures, [])
})
