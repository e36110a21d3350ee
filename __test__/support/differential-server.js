'use strict'
// An Express app serving every option set twice, under /cors/<n> with cors@2.8.6 and under
// /native/<n> with cors-native, with the same middleware before and after it.
const corsNative = require('../..')
const cors = require('cors')

function buildMiddlewares(make, optionSets) {
  return optionSets.map(({ options }) => make(options))
}

function differentialApp(express, optionSets) {
  const implementations = { cors: buildMiddlewares(cors, optionSets), native: buildMiddlewares(corsNative, optionSets) }
  const app = express()
  // Earlier middleware that already set a Vary, when the request asks for it.
  app.use((req, res, next) => {
    const presetVary = req.headers['x-preset-vary']
    if (presetVary) res.setHeader('Vary', presetVary)
    next()
  })
  app.use((req, res, next) => {
    const [, name, index] = req.path.split('/')
    const middleware = implementations[name] && implementations[name][index]
    if (!middleware) return res.status(404).send('no such option set')
    middleware(req, res, next)
  })
  app.use((req, res) => res.send(`the route answered ${req.method}`))
  app.use((err, req, res, next) => res.status(500).send(`the error handler got: ${err.message}`))
  return app
}

/** Starts the app on 127.0.0.1 and resolves with `{ baseUrl, close }`. */
function listen(app) {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({ baseUrl: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) })
    })
  })
}

module.exports = { differentialApp, listen }
