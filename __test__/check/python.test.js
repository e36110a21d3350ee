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
const { fastapiCases, djangoCases } = require('./suites')

const SERVERS = path.join(__dirname, 'servers')
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
