'use strict'
// socket.io and engine.io hand their `cors` option straight to require('cors'), so
// `new Server(httpServer, { cors: true })` must work when cors-native stands in for cors
// (as with npm `overrides: { cors: 'npm:cors-native' }`). A real socket.io 4 server and client.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const Module = require('node:module')
const path = require('node:path')
const { Server } = require('socket.io')
const { io } = require('socket.io-client')
const { request, agent } = require('../support/http-client')

const corsNative = path.join(__dirname, '..', '..', 'index.js')

// Starts a socket.io server whose require('cors') resolves to `corsModule`.
async function startSocketServer(t, corsModule, corsOption) {
  const resolve = Module._resolveFilename
  Module._resolveFilename = function (name, ...rest) {
    return resolve.call(this, name === 'cors' ? corsModule : name, ...rest)
  }
  const httpServer = http.createServer()
  let socketServer
  try {
    socketServer = new Server(httpServer, { cors: corsOption })
  } finally {
    Module._resolveFilename = resolve
  }
  await new Promise((done) => httpServer.listen(0, '127.0.0.1', done))
  t.after(() => new Promise((done) => socketServer.close(() => done())))
  return { socketServer, url: `http://127.0.0.1:${httpServer.address().port}` }
}

function corsHeaders(response) {
  return response.headers.filter(([name]) => /^(access-control-|vary$)/i.test(name))
}

test('new Server(httpServer, { cors: true }) completes a handshake with cors-native', async (t) => {
  const { socketServer, url } = await startSocketServer(t, corsNative, true)
  assert.ok(require.cache[corsNative], 'engine.io loaded cors-native')
  socketServer.on('connection', (socket) => socket.on('ping-me', (reply) => reply('pong')))

  const client = io(url, { transports: ['polling'], extraHeaders: { Origin: 'https://app.example.com' } })
  t.after(() => client.close())
  const answer = await new Promise((resolve, reject) => {
    client.on('connect_error', reject)
    client.on('connect', () => client.emit('ping-me', resolve))
  })
  assert.equal(answer, 'pong')
})

test('socket.io handshakes carry the same CORS headers with cors-native as with cors', async (t) => {
  t.after(() => agent.destroy())
  for (const option of [true, { origin: 'https://app.example.com', credentials: true }, { origin: ['https://app.example.com'] }]) {
    const withCors = await startSocketServer(t, require.resolve('cors'), option)
    const withNative = await startSocketServer(t, corsNative, option)
    for (const origin of ['https://app.example.com', 'https://evil.example']) {
      const handshake = '/socket.io/?EIO=4&transport=polling'
      const preflightHeaders = { Origin: origin, 'Access-Control-Request-Method': 'POST' }
      const [expectedGet, actualGet, expectedPreflight, actualPreflight] = await Promise.all([
        request(withCors.url + handshake, { headers: { Origin: origin } }),
        request(withNative.url + handshake, { headers: { Origin: origin } }),
        request(withCors.url + handshake, { method: 'OPTIONS', headers: preflightHeaders }),
        request(withNative.url + handshake, { method: 'OPTIONS', headers: preflightHeaders }),
      ])
      assert.equal(actualGet.status, expectedGet.status)
      assert.deepEqual(corsHeaders(actualGet), corsHeaders(expectedGet), `GET from ${origin} with cors: ${JSON.stringify(option)}`)
      assert.equal(actualPreflight.status, expectedPreflight.status)
      assert.deepEqual(corsHeaders(actualPreflight), corsHeaders(expectedPreflight), `preflight from ${origin}`)
    }
  }
})
