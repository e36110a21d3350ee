'use strict'
// `npx cors-native playground`: three servers on 127.0.0.1.
// - the page origin: the playground page and its JSON API (token and Host checked);
// - the API origin: answers every request with cors-native under the page's current options,
//   and records what it saw and answered;
// - the other origin: a tiny sender page, so a request can come from a second origin.
const crypto = require('crypto')
const fs = require('fs')
const http = require('http')
const path = require('path')
const cors = require('../..')
const { parseOptionsText, OptionsTextError } = require('./options-text')
const { codeFor } = require('./code')
const { predict } = require('../browser/model')
const { check } = require('../check')
const { exchangeFor } = require('./exchange')

const PAGE_DIR = path.join(__dirname, 'page')
const MAX_BODY = 64 * 1024
const MAX_EXCHANGES = 100
const STATIC = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
  '/outcome.js': ['outcome.js', 'text/javascript; charset=utf-8'],
}
const SENDER = {
  '/sender.html': ['sender.html', 'text/html; charset=utf-8'],
  '/sender.js': ['sender.js', 'text/javascript; charset=utf-8'],
  '/outcome.js': ['outcome.js', 'text/javascript; charset=utf-8'],
}
// Everything the page loads comes from itself: no CDN, no inline script.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; connect-src 'self' http://127.0.0.1:*; frame-src http://127.0.0.1:*; frame-ancestors 'self' http://127.0.0.1:*",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS })
  res.end(JSON.stringify(value))
}

function serveFile(res, [file, type]) {
  res.writeHead(200, { 'Content-Type': type, ...SECURITY_HEADERS })
  res.end(fs.readFileSync(path.join(PAGE_DIR, file)))
}

// A DNS-rebinding page reaches us under its own host name; only our own address is served.
function hostIsOurs(req, port) {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks = []
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(Object.assign(new Error(`the request body is over ${MAX_BODY} bytes`), { status: 413 }))
        req.destroy()
      } else {
        chunks.push(chunk)
      }
    })
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'))
      } catch {
        reject(Object.assign(new Error('the request body is not JSON'), { status: 400 }))
      }
    })
    req.on('error', reject)
  })
}

function tokenMatches(given, token) {
  const a = Buffer.from(String(given ?? ''))
  const b = Buffer.from(token)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

/** Compiles options text: `{ options, lints, code }` or `{ error }`, never a throw. */
function compileText(text) {
  let options
  try {
    options = parseOptionsText(text)
    if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new OptionsTextError('the options must be an object: { origin: ... }')
    return { options, lints: cors.compile(options).lints, code: codeFor(options) }
  } catch (error) {
    if (error instanceof OptionsTextError || error instanceof TypeError) return { error: error.message.replace(/^cors-native: /, '') }
    throw error
  }
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(server.requestedPort ?? 0, '127.0.0.1', () => resolve(server.address().port))
  })
}

/** Starts the playground; resolves with `{ url, pageOrigin, apiOrigin, otherOrigin, close() }`. */
async function startPlayground({ port = 0 } = {}) {
  const token = crypto.randomBytes(16).toString('hex')
  let middleware = cors({ origin: 'https://app.example.com' })
  let exchanges = []
  const ports = {}

  const api = http.createServer((req, res) => {
    if (!hostIsOurs(req, ports.api)) return sendJson(res, 421, { error: 'wrong Host' })
    const seen = { method: req.method, url: req.url, headers: pairs(req.rawHeaders) }
    res.on('finish', () => {
      exchanges.push({ request: seen, response: { status: res.statusCode, headers: Object.entries(res.getHeaders()) } })
      if (exchanges.length > MAX_EXCHANGES) exchanges = exchanges.slice(-MAX_EXCHANGES)
    })
    req.resume()
    try {
      middleware(req, res, (error) => {
        if (error) return sendJson(res, 500, { error: error.message })
        res.setHeader('X-Playground-Answer', 'the route')
        sendJson(res, 200, { answeredBy: 'the route', method: req.method })
      })
    } catch (error) {
      sendJson(res, 500, { error: error.message })
    }
  })

  const other = http.createServer((req, res) => {
    if (!hostIsOurs(req, ports.other)) return sendJson(res, 421, { error: 'wrong Host' })
    const file = SENDER[new URL(req.url, 'http://127.0.0.1').pathname]
    if (!file) return sendJson(res, 404, { error: 'not found' })
    serveFile(res, file)
  })

  const routes = {
    'POST /api/options': async (body) => {
      const compiled = compileText(body.text)
      if (!compiled.error && body.apply) middleware = cors(compiled.options)
      return { error: compiled.error, lints: compiled.lints, code: compiled.code }
    },
    'POST /api/reset': async () => {
      exchanges = []
      return {}
    },
    'GET /api/exchanges': async () => ({ exchanges }),
    // The model's verdict per engine for the request the page just sent and what the API answered.
    'POST /api/predict': async (body) => predict(exchangeFor(body.request, exchanges)),
    'POST /api/check': async (body) => {
      try {
        return await check(String(body.url), { origin: body.origin, method: body.method, headers: body.headers, credentials: body.credentials, timeout: 10_000 })
      } catch (error) {
        return { error: error.message }
      }
    },
    'GET /api/origins': async () => ({ page: `http://127.0.0.1:${ports.page}`, api: `http://127.0.0.1:${ports.api}`, other: `http://127.0.0.1:${ports.other}` }),
  }

  const page = http.createServer(async (req, res) => {
    if (!hostIsOurs(req, ports.page)) return sendJson(res, 421, { error: 'wrong Host' })
    const { pathname } = new URL(req.url, 'http://127.0.0.1')
    if (req.method === 'GET' && STATIC[pathname]) return serveFile(res, STATIC[pathname])
    const route = routes[`${req.method} ${pathname}`]
    if (!route) return sendJson(res, 404, { error: 'not found' })
    if (!tokenMatches(req.headers['x-playground-token'], token)) return sendJson(res, 403, { error: 'missing or wrong token' })
    try {
      const body = req.method === 'POST' ? await readJson(req) : {}
      sendJson(res, 200, await route(body))
    } catch (error) {
      sendJson(res, error.status ?? 500, { error: error.message })
    }
  })

  page.requestedPort = port
  ports.page = await listen(page)
  ports.api = await listen(api)
  ports.other = await listen(other)
  const close = () => Promise.all([page, api, other].map((server) => new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })))
  return {
    url: `http://127.0.0.1:${ports.page}/?token=${token}`,
    pageOrigin: `http://127.0.0.1:${ports.page}`,
    apiOrigin: `http://127.0.0.1:${ports.api}`,
    otherOrigin: `http://127.0.0.1:${ports.other}`,
    close,
  }
}

function pairs(rawHeaders) {
  const out = []
  for (let i = 0; i < rawHeaders.length; i += 2) out.push([rawHeaders[i].toLowerCase(), rawHeaders[i + 1]])
  return out
}

module.exports = { startPlayground, compileText }
