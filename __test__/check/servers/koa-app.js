'use strict'
// A Koa API with @koa/cors, one configuration per path prefix: the typical one and the
// classic mistakes. PAGE_ORIGIN is the origin of the test page; FIX, when set, is the options
// object of the fix under test (JSON), served under /fixed merged over FIX_BASE's.
const Koa = require('koa')
const cors = require('@koa/cors')

const ORIGIN = process.env.PAGE_ORIGIN

const CONFIGS = {
  typical: { origin: ORIGIN, credentials: true },
  slash: { origin: `${ORIGIN}/` },
  'star-credentials': { origin: '*', credentials: true },
  'limited-methods': { origin: ORIGIN, allowMethods: 'GET,POST' },
  'limited-headers': { origin: ORIGIN, allowHeaders: ['Content-Type'] },
  'lower-case-methods': { origin: ORIGIN, allowMethods: 'get,put' },
  'drop-headers-on-error': { origin: ORIGIN, keepHeadersOnError: false },
  // An origin function that answers only its own site lets other preflights fall through.
  'origin-function': { origin: (ctx) => (ctx.get('Origin') === 'https://app.example.com' ? 'https://app.example.com' : '') },
}
if (process.env.FIX) CONFIGS.fixed = { ...CONFIGS[process.env.FIX_BASE], ...JSON.parse(process.env.FIX) }

/** The app behind every prefix: /items for any method except OPTIONS, /boom throws. */
async function api(ctx) {
  if (ctx.path.endsWith('/boom')) throw new Error('the database is down')
  if (ctx.path.endsWith('/items') && ctx.method !== 'OPTIONS') ctx.body = [{ id: 1 }]
  else if (ctx.path.endsWith('/items')) ctx.throw(405)
}

const middleware = Object.fromEntries(Object.entries(CONFIGS).map(([name, options]) => [name, cors(options)]))
const late = cors({ origin: ORIGIN })

const app = new Koa()
app.silent = true
app.use(async (ctx, next) => {
  const prefix = ctx.path.split('/')[1]
  if (middleware[prefix]) return middleware[prefix](ctx, () => api(ctx))
  // Mounted after the app: the app answers first and cors never adds its headers.
  if (prefix === 'late') return api(ctx).then(() => late(ctx, next))
  return next()
})

const server = app.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
