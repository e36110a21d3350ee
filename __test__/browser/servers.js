'use strict'
// The two origins of the browser suite: a page server on http://localhost:<port> and an API
// on http://localhost:<other port> (cross-origin, but same-site so Chromium sends its
// cookies) where every scenario is mounted twice, under /native/<n> with
// cors-native and under /cors/<n> with cors@2.8.6, counting the preflights each receives.
const http = require('node:http')
const express = require('express')
const corsNative = require('../..')
const cors = require('cors')

const PAGE = '<!doctype html><title>conformance</title>'
const SANDBOXED = '<!doctype html><title>sandboxed</title><iframe name="sandboxed" sandbox="allow-scripts" srcdoc="<title>opaque</title>"></iframe>'

function listen(server, host) {
  return new Promise((resolve) => server.listen(0, host, () => resolve(server.address().port)))
}

async function startPageServer() {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html')
    res.end(req.url === '/sandboxed' ? SANDBOXED : PAGE)
  })
  const port = await listen(server, '127.0.0.1')
  return { origin: `http://localhost:${port}`, close: () => server.close() }
}

function scenarioRouter(middleware, scenario, optionsHits, key) {
  const router = express.Router()
  router.use((req, res, next) => {
    if (req.method === 'OPTIONS') optionsHits.set(key, (optionsHits.get(key) ?? 0) + 1)
    next()
  })
  router.use(middleware)
  const answer = (req, res) => res.set('X-Total-Count', '42').json({ cookie: req.headers.cookie ?? null, method: req.method })
  if (scenario.route === 'throws') router.all('/', () => { throw new Error('handler bug') })
  else if (scenario.route === 'answers-options') router.all('/', (req, res) => (req.method === 'OPTIONS' ? res.sendStatus(204) : answer(req, res)))
  else if (scenario.route === 'no-options') router.put('/', answer)
  else if (scenario.route === 'refuses-options') router.all('/', (req, res) => (req.method === 'OPTIONS' ? res.sendStatus(404) : answer(req, res)))
  else router.all('/', answer)
  return router
}

async function startApiServer(scenarios, pageOrigin) {
  const app = express()
  app.set('env', 'test') // the error handler stays quiet
  const optionsHits = new Map()
  scenarios.forEach((scenario, index) => {
    for (const [name, make] of [['native', corsNative], ['cors', cors]]) {
      const key = `${name}/${index}`
      app.use(`/${key}`, scenarioRouter(make(scenario.options(pageOrigin)), scenario, optionsHits, key))
    }
  })
  const server = http.createServer(app)
  const port = await listen(server, '127.0.0.1')
  return { base: `http://localhost:${port}`, optionsHits, close: () => server.close() }
}

module.exports = { startPageServer, startApiServer }
