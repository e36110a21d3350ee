'use strict'
// The API the check bench talks to: answers preflights and requests like a typical cors setup.
const http = require('node:http')
const { isPreflight } = require('../lib/pipeline/preflight')

const server = http.createServer((req, res) => {
  res.setHeader('Vary', 'Origin')
  if (req.headers.origin === 'http://localhost:3000') {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
  }
  if (isPreflight(req.method, req.headers['access-control-request-method'])) {
    res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE')
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '')
    res.writeHead(204).end()
    return
  }
  res.setHeader('Content-Type', 'application/json')
  res.end('[{"id":1}]')
})
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
