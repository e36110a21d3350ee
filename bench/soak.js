'use strict'
// npm run soak: a bounded load through a real Express 5 server with cors-native: a third of the
// requests from allowed origins, a third from refused ones, a third from a new random origin
// each time, with preflights among them. Reports errors and the server's RSS at start, midway
// and end. SOAK_REQUESTS sets the count (default 1,000,000).
const path = require('node:path')
const { fork } = require('node:child_process')
const { randomBytes } = require('node:crypto')
const autocannon = require('autocannon')

function uniqueOrigin() {
  return `https://${randomBytes(8).toString('hex')}.example.net`
}

function templates() {
  const preflight = { 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' }
  const withOrigin = (method, origin, extra = {}) => ({ method, headers: { origin, ...extra } })
  const withUniqueOrigin = (method, extra = {}) => ({
    method,
    setupRequest: (request) => ({ ...request, headers: { ...extra, origin: uniqueOrigin() } }),
  })
  return [
    withOrigin('GET', 'https://app.example.com'),
    withOrigin('GET', 'https://evil.example'),
    withUniqueOrigin('GET'),
    withOrigin('GET', 'https://pr-7.preview.example.com'),
    withOrigin('GET', 'https://app.example.com.evil.net'),
    withUniqueOrigin('GET'),
    withOrigin('OPTIONS', 'https://app.example.com', preflight),
    withOrigin('OPTIONS', 'https://evil.example', preflight),
    withUniqueOrigin('OPTIONS', preflight),
  ]
}

function load(url, amount) {
  return new Promise((resolve, reject) => {
    autocannon({ url, amount, connections: 16, requests: templates(), timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

function ask(child, message, key) {
  return new Promise((resolve) => {
    const onMessage = (reply) => {
      if (reply[key] === undefined) return
      child.off('message', onMessage)
      resolve(reply[key])
    }
    child.on('message', onMessage)
    if (message) child.send(message)
  })
}

/** Runs the soak and resolves with `{ requests, errors, non2xx, rss: { start, middle, end }, seconds }`. */
async function soak(requests) {
  const child = fork(path.join(__dirname, 'soak-server.js'), { execArgv: ['--expose-gc'], stdio: 'ignore' })
  const port = await ask(child, null, 'port')
  const url = `http://127.0.0.1:${port}/api`
  const started = Date.now()
  try {
    await load(url, Math.min(20_000, requests)) // warm-up: JIT, caches filled
    const start = await ask(child, 'rss', 'rss')
    const first = await load(url, requests / 2)
    const middle = await ask(child, 'rss', 'rss')
    const second = await load(url, requests / 2)
    const end = await ask(child, 'rss', 'rss')
    return {
      requests: first.requests.sent + second.requests.sent,
      errors: first.errors + first.timeouts + second.errors + second.timeouts,
      non2xx: first.non2xx + second.non2xx,
      rss: { start, middle, end },
      seconds: (Date.now() - started) / 1000,
    }
  } finally {
    child.kill()
  }
}

if (require.main === module) {
  const requests = Number(process.env.SOAK_REQUESTS ?? 1_000_000)
  soak(requests).then((result) => {
    const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`
    console.log(`${result.requests} requests in ${result.seconds.toFixed(0)} s: ${result.errors} errors, ${result.non2xx} non-2xx`)
    console.log(`server RSS: start ${mb(result.rss.start)}, middle ${mb(result.rss.middle)}, end ${mb(result.rss.end)}`)
    if (result.errors || result.non2xx) process.exitCode = 1
  })
}

module.exports = { soak }
