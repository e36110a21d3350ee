'use strict'
// `cors-native check` against FastAPI (Starlette's CORSMiddleware) under uvicorn and Django
// 5.2 with django-cors-headers 4.9, from a venv built with pip: the checker's verdict and
// Chromium line equal what real Chromium does, case by case; and for one origin case and one
// method or header case per stack, the fix applied to a second server makes Chromium allow it.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases, proveFix } = require('./cases')
const { snippet, originAddition } = require('./fix-snippet')
const { pythonWithServers, pythonMissing } = require('./python-env')
const { fastapiCases, djangoCases } = require('./suites')

const SERVERS = path.join(__dirname, 'servers')
// The blocked cases whose fix is applied, with the server settings they are applied over and
// how the fix is read: FIX, the snippet to set, or FIX_ADD, the origin to add.
const FIXES = [
  { stack: 'FastAPI', name: 'typical: another origin, PUT (400 Disallowed CORS origin)', script: 'fastapi_app.py', env: { FIX_BASE: 'typical' }, path: '/fixed/items', read: 'origin' },
  { stack: 'FastAPI', name: 'header not in allow_headers (400 Disallowed CORS headers)', script: 'fastapi_app.py', env: { FIX_BASE: 'limited-headers' }, path: '/fixed/items', read: 'snippet' },
  { stack: 'FastAPI', name: "PUT with allow_methods=['GET']", script: 'fastapi_app.py', env: { FIX_BASE: 'get-only' }, path: '/fixed/items', read: 'snippet' },
  { stack: 'Django', name: 'typical: another origin', script: 'django_app.py', env: { CONFIG: 'typical' }, path: '/items', read: 'origin' },
  { stack: 'Django', name: 'typical: header not in CORS_ALLOW_HEADERS', script: 'django_app.py', env: { CONFIG: 'typical' }, path: '/items', read: 'snippet' },
]
const fixEnv = (read, text) => (read === 'origin' ? { FIX_ADD: JSON.stringify(originAddition(text)) } : { FIX: snippet(text) })

test('check agrees with Chromium on FastAPI and Django, and its fixes work', { timeout: 15 * 60_000 }, async (t) => {
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
  const cases = { FastAPI: fastapiCases(fastapi.url, pages), Django: djangoCases(djangoTypical.url, djangoAllowAll.url, pages) }
  const failures = [
    ...await runCases(t, browser, 'FastAPI', cases.FastAPI),
    ...await runCases(t, browser, 'Django', cases.Django),
  ]
  for (const { stack, name, script, env: base, path: resource, read } of FIXES) {
    const blocked = cases[stack].find((c) => c.name === name)
    failures.push(...await proveFix(browser, blocked, async (fix) => {
      t.diagnostic(`| fix | ${stack} | ${name} | ${fix} |`)
      const fixed = await start(script, { ...base, ...fixEnv(read, fix) })
      return { url: `${fixed.url}${resource}`, stop: fixed.stop }
    }))
  }
  assert.deepEqual(failures, [])
})
