'use strict'
// One fetch() as each engine performs it. The browser model says what goes on the wire next
// (src/browser/walk.rs: the preflight, each redirect hop, the preflight an engine sends to a
// redirect's target); this loop only sends it and hands the answer back. A request the
// engines send alike is sent once.
const { send } = require('./http')
const { nextRequest } = require('../browser/model')

const ENGINES = ['chromium', 'firefox', 'webkit']
const USER_AGENT = 'cors-native-check'
// The model ends every fetch after 20 redirects; this only guards the network against a bug.
const MAX_REQUESTS = 2 * 22

/** The model's request with what the sender adds: User-Agent and the body's Content-Length. */
function onTheWire(next, body) {
  const headers = next.headers.slice()
  if (!headers.some(([name]) => name.toLowerCase() === 'user-agent')) {
    const fetchMetadata = headers.findIndex(([name]) => name === 'Sec-Fetch-Mode')
    headers.splice(fetchMetadata === -1 ? headers.length : fetchMetadata, 0, ['User-Agent', USER_AGENT])
  }
  const sentBody = next.body ? body ?? '' : undefined
  if (sentBody !== undefined) headers.push(['Content-Length', String(Buffer.byteLength(sentBody))])
  return { method: next.method, url: next.url, headers, body: sentBody }
}

/** Adds an answer where the model expects it: a target's preflight goes on the redirect before it. */
function record(exchange, next, response) {
  if (next.purpose === 'actual') exchange.responses.push({ ...response })
  else if (exchange.responses.length === 0) exchange.preflight = response
  else exchange.responses.at(-1).preflight = response
}

/**
 * `request`: `{ url, origin, method, headers, credentials }`, `body` the request body (sent
 * while the model keeps it), `connect` how to reach the servers (`send` in http.js). Resolves
 * with `{ chromium, firefox, webkit }`, each `{ exchange, sent: [{ purpose, request, response }...] }`
 * in sending order; network errors reject with a NetworkError.
 */
async function browserFetch(request, { body, deadline, connect }) {
  const answers = new Map()
  const walks = {}
  for (const engine of ENGINES) {
    const exchange = { request, preflight: null, responses: [] }
    const sent = []
    for (let next = nextRequest(engine, exchange); next !== null; next = nextRequest(engine, exchange)) {
      if (sent.length === MAX_REQUESTS) throw new Error(`cors-native: the browser model asked for more than ${MAX_REQUESTS} requests`)
      const wire = onTheWire(next, body)
      const key = JSON.stringify(wire)
      if (!answers.has(key)) answers.set(key, send({ ...wire, deadline, connect }))
      const response = await answers.get(key)
      record(exchange, next, response)
      const { body: _, ...shown } = wire
      sent.push({ purpose: next.purpose, request: shown, response })
    }
    walks[engine] = { exchange, sent }
  }
  return walks
}

module.exports = { browserFetch, ENGINES }
