'use strict'
// Sends raw bytes as an HTTP request (whatever a hostile client might send) and returns the
// response's status line, headers in wire order and body, read until the server closes.
const net = require('node:net')

function rawRequest(port, requestBytes) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const raw = Buffer.concat(chunks)
      const split = raw.indexOf('\r\n\r\n')
      const head = raw.subarray(0, split).toString('latin1').split('\r\n')
      const headers = head.slice(1).map((line) => {
        const colon = line.indexOf(':')
        return [line.slice(0, colon), line.slice(colon + 1).trim()]
      })
      resolve({ statusLine: head[0], headers, body: raw.subarray(split + 4), size: raw.length })
    })
    socket.end(requestBytes)
  })
}

/** A request with the given header lines (strings are sent as latin-1 bytes, Buffers as is). */
function requestBytes(method, path, headerLines) {
  const parts = [Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`, 'latin1')]
  for (const line of headerLines) parts.push(Buffer.isBuffer(line) ? line : Buffer.from(line, 'latin1'), Buffer.from('\r\n'))
  parts.push(Buffer.from('\r\n'))
  return Buffer.concat(parts)
}

module.exports = { rawRequest, requestBytes }
