'use strict'
// Hostile requests over real HTTP to Express 5 with cors-native and, side by side, cors@2.8.6:
// nothing crashes, responses stay bounded, nothing is echoed that the policy does not allow,
// and the answer is the same as cors gives.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const express = require('express')
const cors = require('cors')
const corsNative = require('../..')
const { rawRequest, requestBytes } = require('../support/raw-http')

const ALLOWED = 'https://a.example'
const policies = {
  list: { origin: [ALLOWED], credentials: true },
  pattern: { origin: /^https:\/\/[a-z]+\.example$/ },
  reflect: { origin: true },
  wildcard: {},
}

// [name, method, header lines]
const hostile = [
  ['a 64 KiB Origin', 'GET', [`Origin: https://${'a'.repeat(64 * 1024)}.example`]],
  ['a 64 KiB Origin on a preflight', 'OPTIONS', [`Origin: https://${'a'.repeat(64 * 1024)}.example`, 'Access-Control-Request-Method: PUT']],
  ['obs-text (latin-1) bytes in Origin', 'GET', ['Origin: https://caf\xe9.example']],
  ['UTF-8 bytes in Origin', 'GET', [Buffer.from('Origin: https://café.example', 'utf8')]],
  ['bytes that are not UTF-8 in Origin', 'GET', [Buffer.concat([Buffer.from('Origin: https://'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('.example')])]],
  ['two Origin headers', 'GET', [`Origin: ${ALLOWED}`, 'Origin: https://evil.example']],
  ['two Origin headers, evil first', 'GET', ['Origin: https://evil.example', `Origin: ${ALLOWED}`]],
  ['an allowed origin with a comma-joined tail', 'GET', [`Origin: ${ALLOWED}, https://evil.example`]],
  ['an empty Origin', 'GET', ['Origin: ']],
  ['a whitespace-only Origin', 'GET', ['Origin: \t  \t']],
  ['Origin: null', 'GET', ['Origin: null']],
  ['10,000 request headers in a preflight', 'OPTIONS', [`Origin: ${ALLOWED}`, 'Access-Control-Request-Method: PUT', `Access-Control-Request-Headers: ${Array.from({ length: 10_000 }, (_, i) => `x-h${i}`).join(', ')}`]],
  ['a 64 KiB request header in a preflight', 'OPTIONS', [`Origin: ${ALLOWED}`, 'Access-Control-Request-Method: PUT', `Access-Control-Request-Headers: x-${'b'.repeat(64 * 1024)}`]],
  ['an empty Access-Control-Request-Headers', 'OPTIONS', [`Origin: ${ALLOWED}`, 'Access-Control-Request-Method: PUT', 'Access-Control-Request-Headers: ']],
  ['a whitespace-only method request', 'OPTIONS', [`Origin: ${ALLOWED}`, 'Access-Control-Request-Method:    ']],
  ['a control character in Origin', 'GET', ['Origin: https://a\x01.example']],
]

function hostileApp() {
  const app = express()
  for (const [name, options] of Object.entries(policies)) {
    app.use(`/cors/${name}`, cors(options))
    app.use(`/native/${name}`, corsNative(options))
  }
  app.use((req, res) => res.send('ok'))
  return app
}

function header(response, name) {
  const found = response.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase())
  return found.length ? found.map(([, value]) => value).join(', ') : undefined
}

function comparable(response) {
  return { statusLine: response.statusLine, headers: response.headers.filter(([name]) => name !== 'Date' && name !== 'ETag'), body: response.body.toString('latin1') }
}

test('hostile requests neither crash nor leak an origin, and match cors', async (t) => {
  // Large enough for the 64 KiB cases to reach the middleware instead of Node's 431.
  const server = http.createServer({ maxHeaderSize: 256 * 1024 }, hostileApp())
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => server.close())
  const port = server.address().port
  const table = []
  for (const [name, method, lines] of hostile) {
    for (const policy of Object.keys(policies)) {
      const expected = await rawRequest(port, requestBytes(method, `/cors/${policy}`, lines))
      const actual = await rawRequest(port, requestBytes(method, `/native/${policy}`, lines))
      const requestSize = requestBytes(method, '/', lines).length
      assert.ok(actual.size < requestSize + 4096, `${name} (${policy}): the response is bounded by what was sent`)
      const allowOrigin = header(actual, 'Access-Control-Allow-Origin')
      if (policy === 'list') assert.ok(allowOrigin === undefined || allowOrigin === ALLOWED, `${name}: list policy echoed ${allowOrigin}`)
      if (policy === 'pattern' && allowOrigin !== undefined) assert.match(allowOrigin, /^https:\/\/[a-z]+\.example$/, name)
      assert.deepEqual(comparable(actual), comparable(expected), `${name} (${policy}) differs from cors`)
      if (policy === 'list') table.push(`${name}: ${actual.statusLine}, Access-Control-Allow-Origin ${allowOrigin === undefined ? 'absent' : `${allowOrigin.length} chars`}`)
    }
  }
  for (const line of table) t.diagnostic(line)
  // The server is still alive and answering.
  const after = await rawRequest(port, requestBytes('GET', '/native/list', [`Origin: ${ALLOWED}`]))
  assert.equal(header(after, 'Access-Control-Allow-Origin'), ALLOWED)
})
