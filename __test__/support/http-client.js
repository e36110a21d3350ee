'use strict'
// A small HTTP client for tests: sends one request and resolves with what came back on the wire.
const http = require('node:http')

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

// Headers that differ between two identical responses for reasons unrelated to CORS.
const VOLATILE_HEADERS = new Set(['date', 'connection', 'keep-alive'])

/** `{ status, headers: [[name, value]...] in wire order, body }` for a request to `url`. */
function request(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => {
        const pairs = []
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (!VOLATILE_HEADERS.has(res.rawHeaders[i].toLowerCase())) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]])
        }
        resolve({ status: res.statusCode, headers: pairs, body: Buffer.concat(chunks).toString() })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

module.exports = { request, agent }
