'use strict'
// A port on 127.0.0.1 that was free a moment ago, for servers that must be told their port
// (next start, WebKitWebDriver, verdaccio) instead of choosing one.
const net = require('node:net')

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

module.exports = { freePort }
