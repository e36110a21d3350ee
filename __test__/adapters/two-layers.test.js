'use strict'
// Two cors-native policies on one response (an app-level and a router-level middleware in real
// Express; proxy.ts before a Pages route's own middleware) are noticed: one CORS_NATIVE_TWO_LAYERS
// warning per route, naming where each policy was created.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const express = require('express')
const cors = require('../..')
const { createCors } = require('cors-native/next')
const { listen } = require('../support/differential-server')
const { request } = require('../support/http-client')

const ALLOWED = 'https://app.example.com'
const source = fs.readFileSync(__filename, 'utf8').split('\n')

/** `file:line` of the line in this file that ends with `// site: <name>`. */
function site(name) {
  const line = source.findIndex((text) => text.endsWith(`// site: ${name}`)) + 1
  return `${path.relative(process.cwd(), __filename)}:${line}:`
}

/** The CORS_NATIVE_TWO_LAYERS warnings emitted while `run` runs. */
async function twoLayerWarnings(run) {
  const seen = []
  const listener = (warning) => { if (warning.code === 'CORS_NATIVE_TWO_LAYERS') seen.push(warning.message) }
  process.on('warning', listener)
  try {
    await run()
    await new Promise((resolve) => setImmediate(resolve)) // warnings are emitted on the next tick
  } finally {
    process.off('warning', listener)
  }
  return seen
}

const app = express()
app.use('/api', cors({ origin: [ALLOWED, 'https://partner.example'] })) // site: app
const router = express.Router()
router.use(cors({ origin: [ALLOWED] })) // site: router
router.get('/orders', (req, res) => res.json({ ok: true }))
router.get('/invoices', (req, res) => res.json({ ok: true }))
router.get('/items/:id', (req, res) => res.json({ ok: true }))
app.use('/api', router)
app.get('/single', cors({ origin: ALLOWED }), (req, res) => res.json({ ok: true }))
const silenced = cors({ origin: ALLOWED, warnings: { CORS_NATIVE_TWO_LAYERS: false } })
app.get('/silenced', silenced, silenced, cors({ origin: ALLOWED }), (req, res) => res.json({ ok: true }))

let server
test.before(async () => { server = await listen(app) })
test.after(() => server.close())

test('app-level and router-level middlewares: one warning per route, naming both places', async () => {
  let refused
  const warnings = await twoLayerWarnings(async () => {
    // The router's narrower list refuses the partner, but the app-level header stays: it is allowed.
    refused = await request(`${server.baseUrl}/api/orders`, { headers: { Origin: 'https://partner.example' } })
    await request(`${server.baseUrl}/api/orders?page=2`, { headers: { Origin: ALLOWED } })
    await request(`${server.baseUrl}/api/invoices`, { headers: { Origin: ALLOWED } })
  })
  assert.deepEqual(refused.headers.find(([name]) => name === 'Access-Control-Allow-Origin'), ['Access-Control-Allow-Origin', 'https://partner.example'])
  assert.equal(warnings.length, 2, warnings.join('\n'))
  assert.match(warnings[0], /^cors-native: GET \/api\/orders gets the headers of two CORS policies/)
  assert.match(warnings[1], /^cors-native: GET \/api\/invoices /)
  for (const warning of warnings) {
    assert.ok(warning.includes(`one created at ${site('app')}`), warning)
    assert.ok(warning.includes(`and one at ${site('router')}`), warning)
    assert.match(warning, /each refusal is logged twice/)
  }
})

test('one middleware per route warns nothing; `warnings` turns the code off', async () => {
  const warnings = await twoLayerWarnings(async () => {
    await request(`${server.baseUrl}/single`, { headers: { Origin: ALLOWED } })
    await request(`${server.baseUrl}/single`, { headers: { Origin: 'https://evil.example' } })
    await request(`${server.baseUrl}/silenced`, { headers: { Origin: ALLOWED } })
  })
  assert.deepEqual(warnings, [])
})

test('proxy.ts, then a Pages route with its own middleware: the route names the proxy policy', async () => {
  const proxyCors = createCors({ origin: [ALLOWED, 'https://partner.example'] }) // site: proxy
  const pages = express()
  pages.get('/api/legacy', cors({ origin: ALLOWED }), (req, res) => res.json({ router: 'pages' })) // site: pages
  const pagesServer = await listen(pages)
  try {
    const warnings = await twoLayerWarnings(async () => {
      // As Next.js runs them: proxy.ts for the request, then the route it continues to.
      const url = `${pagesServer.baseUrl}/api/legacy`
      await proxyCors.proxy(new Request(url, { headers: { Origin: ALLOWED } }), new Response(null))
      await request(url, { headers: { Origin: ALLOWED } })
    })
    assert.equal(warnings.length, 1, warnings.join('\n'))
    assert.ok(warnings[0].includes(`one created at ${site('proxy')}`), warnings[0])
    assert.ok(warnings[0].includes(`and one at ${site('pages')}`), warnings[0])
  } finally {
    await pagesServer.close()
  }
})

test("a policy created under another library's Error.prepareStackTrace still works", async (t) => {
  const original = Error.prepareStackTrace
  Error.prepareStackTrace = (error, callSites) => callSites // as the callsites package does
  t.after(() => { Error.prepareStackTrace = original })
  const unnamed = cors({ origin: [ALLOWED] })
  Error.prepareStackTrace = original
  const both = express()
  both.use(cors({ origin: [ALLOWED] }), unnamed)
  both.get('/unnamed', (req, res) => res.json({ ok: true }))
  const bothServer = await listen(both)
  try {
    const warnings = await twoLayerWarnings(() => request(`${bothServer.baseUrl}/unnamed`, { headers: { Origin: ALLOWED } }))
    assert.equal(warnings.length, 1)
    assert.match(warnings[0], /and one at an unknown place;/)
  } finally {
    await bothServer.close()
  }
})

// Last: it uses up the routes a process names.
test('paths from requests are bounded, and at most 20 routes are named', async () => {
  const warnings = await twoLayerWarnings(async () => {
    for (let i = 0; i < 30; i++) await request(`${server.baseUrl}/api/items/${i}${'x'.repeat(2000)}`, { headers: { Origin: ALLOWED } })
  })
  const named = warnings.filter((warning) => warning.includes('gets the headers of two CORS policies'))
  assert.ok(named.length > 0 && named.length <= 20, `${named.length} routes named`)
  for (const warning of named) assert.ok(warning.length < 800, warning)
  assert.match(warnings.at(-1), /more routes get the headers of two CORS policies; only the first 20 were named/)
})
