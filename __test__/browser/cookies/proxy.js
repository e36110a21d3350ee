'use strict'
// A forward proxy for WebKit, which has no host-resolver switch: every name it is asked for
// (CONNECT for https, absolute URLs for http) is reached on 127.0.0.1 at the same port, and
// nothing else is ever connected to.
const http = require('node:http')
const net = require('node:net')

function startProxy() {
  const server = http.createServer((req, res) => {
    const target = new URL(req.url)
    const upstream = http.request({ host: '127.0.0.1', port: target.port || 80, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.rawHeaders)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  const tunnels = new Set()
  server.on('connect', (req, socket, head) => {
    const port = Number(req.url.split(':').pop())
    const upstream = net.connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    tunnels.add(socket).add(upstream)
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
    socket.on('close', () => tunnels.delete(socket))
    upstream.on('close', () => tunnels.delete(upstream))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port,
    close: () => new Promise((done) => {
      for (const socket of tunnels) socket.destroy()
      server.closeAllConnections()
      server.close(done)
    }),
  })))
}

module.exports = { startProxy }
