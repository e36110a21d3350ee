'use strict'
// A Hono API (hono/cors on @hono/node-server), one configuration per path prefix: the typical
// one and the classic mistakes. PAGE_ORIGIN is the origin of the test page; FIX, when set, is
// the options object of the fix under test (JSON), served under /fixed merged over FIX_BASE's.
const { Hono } = require('hono')
const { cors } = require('hono/cors')
const { serve } = require('@hono/node-server')

const ORIGIN = process.env.PAGE_ORIGIN

const CONFIGS = {
  typical: { origin: [ORIGIN], credentials: true },
  slash: { origin: `${ORIGIN}/` },
  'star-credentials': { origin: '*', credentials: true },
  'limited-methods': { origin: [ORIGIN], allowMethods: ['GET', 'POST'] },
  'limited-headers': { origin: [ORIGIN], allowHeaders: ['Content-Type'] },
  // The documented pattern: a fixed fallback origin for callers that do not match.
  fallback: { origin: (origin) => (origin.endsWith('.example.com') ? origin : 'https://app.example.com') },
}

function api() {
  const app = new Hono()
  app.on(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], '/items', (c) => c.json([{ id: 1 }]))
  app.get('/boom', () => { throw new Error('the database is down') })
  return app
}

const app = new Hono()
const configs = { ...CONFIGS, ...(process.env.FIX ? { fixed: { ...CONFIGS[process.env.FIX_BASE], ...JSON.parse(process.env.FIX) } } : {}) }
for (const [name, options] of Object.entries(configs)) {
  app.use(`/${name}/*`, cors(options))
  app.route(`/${name}`, api())
}
// A handler registered before the middleware answers first, so cors never runs for it.
app.get('/late/items', (c) => c.json([{ id: 1 }]))
app.use('/late/*', cors({ origin: [ORIGIN] }))
// No CORS for this prefix at all: OPTIONS gets Hono's 404.
app.route('/no-cors', api())

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`http://127.0.0.1:${info.port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
