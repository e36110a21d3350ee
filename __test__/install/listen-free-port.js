'use strict'
// Preloaded into a snippet run by readme-code.test.js: whatever port and host the snippet
// listens on, the server takes a free port of 127.0.0.1, and the test is told which.
const net = require('node:net')

const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const callback = typeof args.at(-1) === 'function' ? args.at(-1) : undefined
  this.once('listening', () => process.send({ port: this.address().port }))
  return listen.call(this, { port: 0, host: '127.0.0.1' }, callback)
}
