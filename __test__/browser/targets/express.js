'use strict'
// Express 5 targets: every scenario's policy mounted at its own path, with cors-native or,
// for comparison, cors@2.8.6.
const http = require('node:http')
const express = require('express')
const { pathOf, routeAnswer } = require('../routes')

function send(res, { status, headers, body }) {
  res.status(status).set(headers)
  if (body === null) res.end()
  else res.send(body)
}

function scenarioRouter(middleware, scenario, index, env) {
  const router = express.Router()
  router.use(middleware)
  const handle = (final) => (req, res) => send(res, routeAnswer(scenario, index, { method: req.method, cookie: req.headers.cookie, authorization: req.headers.authorization, final }, env))
  router.all('/final', handle(true))
  if (scenario.route === 'no-options') router.put('/', handle(false)) // Express answers OPTIONS itself
  else router.all('/', handle(false))
  return router
}

function expressTarget(key, name, flavour, makeMiddleware) {
  return {
    key,
    name,
    flavour,
    async start({ scenarios, env }) {
      const app = express()
      app.set('env', 'test') // the error handler stays quiet
      scenarios.forEach((scenario, index) => {
        app.use(pathOf(index, scenario), scenarioRouter(makeMiddleware(scenario.options(env)), scenario, index, env))
      })
      const server = http.createServer(app)
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
      return { port: server.address().port, close: () => { server.closeAllConnections(); server.close() } }
    },
  }
}

module.exports = {
  nativeExpress: expressTarget('native', 'cors-native (Express)', 'native', require('../../..')),
  corsExpress: expressTarget('cors', 'cors@2.8.6 (Express)', 'cors', require('cors')),
}
