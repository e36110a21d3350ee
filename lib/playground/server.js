'use strict'
// `npx cors-native playground`: three servers on 127.0.0.1.
// - the page origin: the playground page and its JSON API (token and Host checked);
// - the API origin: answers every request with cors-native under the page's current options,
//   and records what it saw and answered; it runs in a worker thread (api-thread.js), and the
//   options are compiled in another (compile-thread.js), so the user's RegExps never run here;
// - the other origin: a tiny sender page, so a request can come from a second origin; it is
//   served only with the token, and talks only to the page and the API origin.
const crypto = require('crypto')
const fs = require('fs')
const http = require('http')
const path = require('path')
const { predict } = require('../browser/model')
const { cookiesOf } = require('../browser/cookies')
const { check } = require('../check')
const { exchangeFor, messagesFor, blockedAt } = require('./exchange')
const { setCookieField, cookiesCarried } = require('./cookies')
const { SECURITY_HEADERS, sendJson, hostIsOurs } = require('./http')
const { Thread } = require('./thread')

const PAGE_DIR = path.join(__dirname, 'page')
const MAX_BODY = 64 * 1024
// Compiling the options or answering the page takes milliseconds unless a RegExp is too costly.
const THREAD_LIMIT = 2_000
const STATIC = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
  '/style.css': ['style.css', 'text/css; charset=utf-8'],
  '/outcome.js': ['outcome.js', 'text/javascript; charset=utf-8'],
  '/presets.js': ['presets.js', 'text/javascript; charset=utf-8'],
  '/state.js': ['state.js', 'text/javascript; charset=utf-8'],
  '/diagram.js': ['diagram.js', 'text/javascript; charset=utf-8'],
  '/cookies.js': ['cookies.js', 'text/javascript; charset=utf-8'],
}
const SENDER = {
  '/sender.js': ['sender.js', 'text/javascript; charset=utf-8'],
  '/outcome.js': ['outcome.js', 'text/javascript; charset=utf-8'],
}

function serveFile(res, [file, type]) {
  res.writeHead(200, { 'Content-Type': type, ...SECURITY_HEADERS })
  res.end(fs.readFileSync(path.join(PAGE_DIR, file)))
}

// The sender learns the two origins it may talk to from the server, never from its address.
function serveSender(res, origins) {
  const html = fs.readFileSync(path.join(PAGE_DIR, 'sender.html'), 'utf8')
    .replace('{{PAGE_ORIGIN}}', origins.page)
    .replace('{{API_ORIGIN}}', origins.api)
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS })
  res.end(html)
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

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(server.requestedPort ?? 0, '127.0.0.1', () => resolve(server.address().port))
  })
}

/** Starts the playground; resolves with `{ url, pageOrigin, apiOrigin, otherOrigin, close() }`. */
async function startPlayground({ port = 0 } = {}) {
  const token = crypto.randomBytes(16).toString('hex')
  const ports = {}
  const origins = () => ({ page: `http://127.0.0.1:${ports.page}`, api: `http://127.0.0.1:${ports.api}`, other: `http://127.0.0.1:${ports.other}` })

  const other = http.createServer((req, res) => {
    if (!hostIsOurs(req, ports.other)) return sendJson(res, 421, { error: 'wrong Host' })
    const url = new URL(req.url, 'http://127.0.0.1')
    if (url.pathname === '/sender.html') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return sendJson(res, 403, { error: 'missing or wrong token' })
      return serveSender(res, origins())
    }
    const file = SENDER[url.pathname]
    if (!file) return sendJson(res, 404, { error: 'not found' })
    serveFile(res, file)
  })

  let compiler
  let apiOrigin
  const routes = {
    // Applied with the Set-Cookie the API origin's route then adds to its answers.
    'POST /api/options': async (body) => {
      const compiled = await compiler.ask({ text: body.text })
      if (compiled.error || !body.apply) return compiled
      let setCookie
      try {
        setCookie = setCookieField(body.setCookie)
      } catch (error) {
        return { error: error.message }
      }
      await apiOrigin.ask({ action: 'apply', text: body.text, setCookie })
      return compiled
    },
    'POST /api/reset': () => apiOrigin.ask({ action: 'reset' }).then(() => ({})),
    // The model's verdict per engine for the request the page just sent and what the API
    // answered, the messages exchanged, with the one each engine was blocked at, and what each
    // engine does with the cookies the answers set.
    'POST /api/predict': async (body) => {
      const log = await apiOrigin.ask({ action: 'exchanges' })
      const exchange = exchangeFor(body.request, log)
      const prediction = predict(exchange)
      const messages = messagesFor(log)
      const blocked = Object.fromEntries(Object.entries(prediction.engines).map(([engine, verdict]) => [engine, blockedAt(messages, verdict)]))
      const { cookies, findings } = cookiesOf(exchange, [])
      return { prediction, messages, blocked, cookies, cookieProblems: findings }
    },
    // Which cookies this browser's requests carried: the first `since` logged ones (the send),
    // and those after them (the page's repeat of it).
    'POST /api/carried': async (body) => {
      const log = await apiOrigin.ask({ action: 'exchanges' })
      const since = Number(body.since)
      if (!Number.isInteger(since) || since < 0 || since > log.length) throw Object.assign(new Error(`since must be a message count from 0 to ${log.length}`), { status: 400 })
      return { before: cookiesCarried(log.slice(0, since)), repeat: cookiesCarried(log.slice(since)) }
    },
    'POST /api/check': async (body) => {
      try {
        return await check(String(body.url), { origin: body.origin, method: body.method, headers: body.headers, credentials: body.credentials, timeout: 10_000 })
      } catch (error) {
        return { error: error.message }
      }
    },
    'GET /api/origins': async () => origins(),
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
  ports.other = await listen(other)
  compiler = new Thread(path.join(__dirname, 'compile-thread.js'), {
    limit: THREAD_LIMIT,
    overrun: `checking these options took longer than ${THREAD_LIMIT} ms: a RegExp is too costly to compile`,
  })
  // A restarted API origin listens again on the port the page already knows.
  apiOrigin = new Thread(path.join(__dirname, 'api-thread.js'), {
    limit: THREAD_LIMIT,
    overrun: `the API origin took longer than ${THREAD_LIMIT} ms to answer, so it was restarted with the default options: a RegExp is too costly on the origin it was sent`,
    restarted: async (thread) => { ports.api = await thread.send({ action: 'listen', port: ports.api ?? 0 }) },
  })
  await apiOrigin.ready
  const close = () => Promise.all([
    ...[page, other].map((server) => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })),
    compiler.close(),
    apiOrigin.close(),
  ])
  return {
    url: `http://127.0.0.1:${ports.page}/?token=${token}`,
    pageOrigin: origins().page,
    apiOrigin: origins().api,
    otherOrigin: origins().other,
    close,
  }
}

module.exports = { startPlayground }
