'use strict'
// One HTTP request as a browser's network stack would send it, read with limits: a deadline,
// a cap on the response head (Node's parser) and on the body (the rest is discarded).
const http = require('http')
const https = require('https')
const net = require('net')

const MAX_HEADER_BYTES = 64 * 1024
const MAX_BODY_BYTES = 64 * 1024

class NetworkError extends Error {
  constructor(message, url) {
    super(`${url}: ${message}`)
    this.name = 'NetworkError'
    this.url = url
  }
}

/** A DNS lookup that answers `address` (for `--resolve`), in both of Node's callback forms. */
function fixedLookup(address) {
  const family = net.isIP(address)
  return (hostname, options, callback) => {
    if (options?.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}

/**
 * Sends `method url` with `headers` ([[name, value]...]) and `body` (a string, optional; its
 * Content-Length must be in `headers`), connecting as `connect` says (`resolve`: a Map of
 * `host:port` to the address to use; `insecure`: accept any certificate), and resolves with
 * `{ url, status, headers: [[name, value]...], body, bodyTruncated }`; header values are the
 * bytes as latin-1, the body as UTF-8 text. Rejects with a NetworkError after `deadline`.
 */
function send({ method, url, headers, body, deadline, connect }) {
  const target = new URL(url)
  const secure = target.protocol === 'https:'
  const client = secure ? https : http
  const address = connect?.resolve.get(`${target.hostname}:${target.port || (secure ? 443 : 80)}`)
  const remaining = deadline - Date.now()
  if (remaining <= 0) return Promise.reject(new NetworkError('timed out', url))
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (error, value) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      if (error) reject(error)
      else resolve(value)
    }
    const request = client.request(target, {
      method,
      // A raw header list keeps order and repeats; Node then adds no Host of its own.
      headers: [['Host', target.host], ...headers].flat(),
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES,
      ...(address ? { lookup: fixedLookup(address) } : {}),
      ...(secure && connect?.insecure ? { rejectUnauthorized: false } : {}),
    })
    // Node otherwise drops the headers after the first 1,000 or so without a word, and an
    // Access-Control-Allow-Origin among them; the byte cap above bounds their number. It is
    // read when the socket is handed to the parser, after this tick.
    request.maxHeadersCount = 0
    const timer = setTimeout(() => finish(new NetworkError(`no complete answer within the timeout`, url)), remaining)
    request.on('error', (error) => finish(new NetworkError(error.code === 'HPE_HEADER_OVERFLOW' ? `response headers exceed ${MAX_HEADER_BYTES} bytes` : error.message, url)))
    // Without this listener Node drops the socket of a 101 with Upgrade headers and reports nothing.
    request.on('upgrade', (response, socket) => {
      socket.destroy()
      finish(switchingProtocols(response, url))
    })
    request.on('response', (response) => {
      if (response.statusCode < 200) return finish(switchingProtocols(response, url))
      const pairs = []
      for (let i = 0; i < response.rawHeaders.length; i += 2) pairs.push([response.rawHeaders[i], response.rawHeaders[i + 1]])
      const chunks = []
      let size = 0
      const done = (bodyTruncated) => finish(null, {
        url,
        status: response.statusCode,
        headers: pairs,
        body: Buffer.concat(chunks).toString('utf8'),
        bodyTruncated,
      })
      response.on('data', (chunk) => {
        chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size))
        size += chunk.length
        if (size >= MAX_BODY_BYTES) done(true)
      })
      response.on('end', () => done(false))
      response.on('error', (error) => finish(new NetworkError(error.message, url)))
    })
    request.end(body)
  })
}

/** Node passes other 1xx over as interim answers, as browsers do, and waits for the final one. */
function switchingProtocols(response, url) {
  return new NetworkError(`answered ${response.statusCode} ${response.statusMessage}: browsers treat a fetch answered 101 Switching Protocols as a network error (fetch() cannot switch protocols); answer this request with a final status (2xx to 5xx)`, url)
}

/** The first value of header `name` (lower-case) in `[[name, value]...]`, or undefined. */
function headerValue(headers, name) {
  const found = headers.find(([n]) => n.toLowerCase() === name)
  return found ? found[1] : undefined
}

module.exports = { send, headerValue, NetworkError, MAX_BODY_BYTES, MAX_HEADER_BYTES }
