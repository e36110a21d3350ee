'use strict'
// `cors-native check` against FastAPI (Starlette's CORSMiddleware) under uvicorn and Django
// 5.2 with django-cors-headers 4.9, from a venv built with pip: the checker's verdict and
// Chromium line equal what real Chromium does, case by case.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases } = require('./cases')
const { pythonWithServers, pythonMissing } = require('./python-env')

const SERVERS = path.join(__dirname, 'servers')
const json = [['Content-Type', 'application/json']]

function fastapiCases(api, pages) {
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true },
    { name: 'typical: credentialed JSON PUT (preflight)', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}' },
    { name: 'typical: another origin, GET', url: `${api}/typical/items`, origin: pages.other },
    { name: 'typical: another origin, PUT (400 Disallowed CORS origin)', url: `${api}/typical/items`, origin: pages.other, method: 'PUT', headers: json, body: '{}', expect: { server: 'starlette', problems: ['server-refusal'] } },
    { name: 'unhandled exception: 500 without CORS headers', url: `${api}/typical/boom`, origin: pages.allowed, expect: { server: 'starlette', problems: ['server-error'], fix: /exception handler/ } },
    { name: 'trailing slash in allow_origins', url: `${api}/slash/items`, origin: pages.allowed, expect: { server: 'starlette', fix: /^if http:\/\/localhost:\d+ should be allowed, add it to `allow_origins`$/ } },
    { name: "allow_origins=['*'] with credentials (echoes any)", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect: { unsafe: ['echoes-any-origin-with-credentials', 'allows-null-origin'] } },
    { name: "allow_origins=['*'], credentialed fetch", url: `${api}/star/items`, origin: pages.allowed, credentials: true },
    { name: 'header not in allow_headers (400 Disallowed CORS headers)', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] },
    { name: "PUT with allow_methods=['GET']", url: `${api}/get-only/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}' },
  ]
}

function djangoCases(typical, allowAll, pages) {
  return [
    { name: 'typical: GET', url: `${typical}/items`, origin: pages.allowed },
    { name: 'typical: credentialed GET', url: `${typical}/items`, origin: pages.allowed, credentials: true },
    { name: 'typical: credentialed JSON PUT: CSRF 403 with CORS headers', url: `${typical}/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect: { server: 'django-cors-headers', problems: ['csrf'], fix: /CSRF_TRUSTED_ORIGINS/ } },
    { name: 'typical: form POST: CSRF 403', url: `${typical}/items`, origin: pages.allowed, method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'x' },
    { name: 'typical: another origin', url: `${typical}/items`, origin: pages.other },
    { name: 'typical: view raises: 500 keeps CORS headers', url: `${typical}/boom`, origin: pages.allowed },
    { name: 'typical: header not in CORS_ALLOW_HEADERS', url: `${typical}/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']], expect: { fix: /CORS_ALLOW_HEADERS = \(\*default_headers, "x-api-key"\)/ } },
    { name: "allow all + credentials + ['*'] lists: credentialed PUT", url: `${allowAll}/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect: { problems: ['literal-wildcard'], fix: /CORS_ALLOW_METHODS/ } },
    { name: 'allow all + credentials: credentialed GET (echoes any)', url: `${allowAll}/items`, origin: pages.allowed, credentials: true },
    { name: 'allow all: PUT without credentials', url: `${allowAll}/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}' },
  ]
}

test('check agrees with Chromium on FastAPI and Django', { timeout: 15 * 60_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing() ?? pythonMissing())) return
  const python = pythonWithServers()
  const { pages, browser } = await startChromium(t)
  const env = { PAGE_ORIGIN: pages.allowed, PYTHONUNBUFFERED: '1' }
  const start = (script, extra = {}) => startProcess(python, [path.join(SERVERS, script)], { env: { ...env, ...extra } })
  const [fastapi, djangoTypical, djangoAllowAll] = await Promise.all([
    start('fastapi_app.py'),
    start('django_app.py', { CONFIG: 'typical' }),
    start('django_app.py', { CONFIG: 'allow-all' }),
  ])
  t.after(() => Promise.all([fastapi.stop(), djangoTypical.stop(), djangoAllowAll.stop()]))
  const failures = [
    ...await runCases(t, browser, 'FastAPI', fastapiCases(fastapi.url, pages)),
    ...await runCases(t, browser, 'Django', djangoCases(djangoTypical.url, djangoAllowAll.url, pages)),
  ]
  assert.deepEqual(failures, [])
})
