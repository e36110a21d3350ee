'use strict'
// An Express 5 API with one CORS configuration per path, the typical one and the classic
// mistakes, guarded by cors@2.8.6 (argument `cors`) or cors-native (argument `native`).
// PAGE_ORIGIN is the origin of the test page; FIX, when set, is the options object of the fix
// under test (JSON), served under /fixed merged over FIX_BASE's.
const express = require('express')

const make = process.argv[2] === 'native' ? require('../../..') : require('cors')
const ORIGIN = process.env.PAGE_ORIGIN
process.emitWarning = () => {} // the mistakes below are deliberate

const CONFIGS = {
  typical: { origin: [ORIGIN], credentials: true },
  slash: { origin: `${ORIGIN}/`, credentials: true },
  'star-credentials': { origin: '*', credentials: true },
  reflect: { origin: true, credentials: true },
  'limited-headers': { origin: ORIGIN, allowedHeaders: ['Content-Type'] },
}
if (process.env.FIX) CONFIGS.fixed = { ...CONFIGS[process.env.FIX_BASE], ...JSON.parse(process.env.FIX) }

const app = express()
app.set('env', 'test') // no stack traces in error pages
// A route registered before the CORS middleware never gets its headers.
app.get('/late/items', (req, res) => res.json([{ id: 1 }]))
for (const [name, options] of Object.entries(CONFIGS)) {
  const router = express.Router()
  router.use(make(options))
  router.all('/items', (req, res) => res.json([{ id: 1 }]))
  router.get('/boom', () => { throw new Error('the database is down') })
  app.use(`/${name}`, router)
}
app.use(make({ origin: [ORIGIN] }))

const server = app.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
