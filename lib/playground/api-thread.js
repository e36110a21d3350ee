'use strict'
// The worker thread behind the API origin: answers every request with cors-native under the
// page's current options (its route adding the page's Set-Cookie), and records what it saw
// and answered. It runs apart from the page server because the user's RegExps run here, on
// origins anyone can send (see thread.js).
const http = require('http')
const { parentPort } = require('worker_threads')
const cors = require('../..')
const { optionsFrom } = require('./compile')
const { sendJson, hostIsOurs } = require('./http')

const MAX_EXCHANGES = 100
let middleware = cors({ origin: 'https://app.example.com' })
// The Set-Cookie the route adds, checked by the page server (cookies.js); '' for none.
let setCookie = ''
let exchanges = []

// Paths answered before cors runs, as an app's earlier middleware or a proxy would: the
// mistakes whose answers carry no CORS headers whatever the options say.
const BEFORE_CORS = {
  '/fails': (res) => {
    res.statusCode = 500
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.end(JSON.stringify({ error: 'the route failed before cors ran' }))
  },
  '/old-items': (res) => {
    res.statusCode = 301
    res.setHeader('Location', '/items')
    res.end()
  },
}

function pairs(rawHeaders) {
  const out = []
  for (let i = 0; i < rawHeaders.length; i += 2) out.push([rawHeaders[i].toLowerCase(), rawHeaders[i + 1]])
  return out
}

const server = http.createServer((req, res) => {
  if (!hostIsOurs(req, server.address().port)) return sendJson(res, 421, { error: 'wrong Host' })
  const seen = { method: req.method, url: req.url, headers: pairs(req.rawHeaders) }
  res.on('finish', () => {
    exchanges.push({ request: seen, response: { status: res.statusCode, headers: Object.entries(res.getHeaders()) } })
    if (exchanges.length > MAX_EXCHANGES) exchanges = exchanges.slice(-MAX_EXCHANGES)
  })
  req.resume()
  const early = BEFORE_CORS[new URL(req.url, 'http://127.0.0.1').pathname]
  if (early) return early(res)
  try {
    middleware(req, res, (error) => {
      if (error) return sendJson(res, 500, { error: error.message })
      res.setHeader('X-Playground-Answer', 'the route')
      if (setCookie) res.setHeader('Set-Cookie', setCookie)
      sendJson(res, 200, { answeredBy: 'the route', method: req.method })
    })
  } catch (error) {
    sendJson(res, 500, { error: error.message })
  }
})

const actions = {
  listen: ({ port }) => new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server.address().port))
  }),
  // The text was compiled by the compile thread first, so it is known to be valid.
  apply: ({ text, setCookie: cookie }) => {
    middleware = cors(optionsFrom(text))
    setCookie = cookie
  },
  reset: () => {
    exchanges = []
  },
  exchanges: () => exchanges,
}

parentPort.on('message', async ({ id, action, ...message }) => {
  try {
    parentPort.postMessage({ id, answer: await actions[action](message) })
  } catch (error) {
    parentPort.postMessage({ id, error: error.message, code: error.code })
  }
})
