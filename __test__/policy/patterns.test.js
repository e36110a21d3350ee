'use strict'
// Wildcard origin patterns and configured-origin normalisation, over real HTTP (Express 5),
// against the origins an attacker would try for each pattern form.
const test = require('node:test')
const assert = require('node:assert/strict')
const express = require('express')
const cors = require('../..')
const { listen } = require('../support/differential-server')
const { request, agent } = require('../support/http-client')

const forms = [
  {
    entry: 'https://*.example.com',
    allowed: ['https://a.example.com', 'https://a.b.c.example.com', 'https://A.Example.COM'],
    refused: [
      'https://example.com', 'https://example.com.evil.net', 'https://a.example.com.evil.net', 'https://evilexample.com',
      'https://a.evilexample.com', 'http://a.example.com', 'https://a.example.com:8443', 'https://a.example.com/',
      'https://user@a.example.com', 'https://.example.com', 'https://a..example.com', 'null', 'https://a.example.com%2F.evil.net',
    ],
  },
  {
    entry: 'http://localhost:*',
    allowed: ['http://localhost', 'http://localhost:3000', 'http://localhost:5173'],
    refused: ['https://localhost:3000', 'http://localhost.evil.net:3000', 'http://evil-localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:99999'],
  },
  {
    entry: 'https://*.example.com:8443',
    allowed: ['https://a.example.com:8443'],
    refused: ['https://a.example.com', 'https://a.example.com:443', 'https://a.example.com:18443'],
  },
  {
    entry: 'HTTPS://App.Example.com:443',
    allowed: ['https://app.example.com'],
    refused: ['https://app.example.com.evil.net', 'https://App.Example.com:443', 'http://app.example.com'],
  },
]

test('each pattern form allows its origins and refuses the attacker variants', async (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  const app = express()
  forms.forEach((form, i) => app.use(`/${i}`, cors({ origin: [form.entry], credentials: true })))
  app.use((req, res) => res.send('ok'))
  const server = await listen(app)
  t.after(() => { agent.destroy(); return server.close() })
  for (const [i, form] of forms.entries()) {
    for (const origin of [...form.allowed, ...form.refused]) {
      const response = await request(`${server.baseUrl}/${i}`, { headers: { Origin: origin } })
      const allowOrigin = response.headers.find(([name]) => name === 'Access-Control-Allow-Origin')?.[1]
      const expected = form.allowed.includes(origin) ? origin : undefined
      assert.equal(allowOrigin, expected, `${form.entry} with Origin ${origin}`)
    }
  }
})

test('a single pattern string is a pattern, not a fixed origin', () => {
  const explained = cors.compile({ origin: 'https://*.example.com' }).explain({ origin: 'https://shop.example.com' })
  assert.equal(explained.headers['Access-Control-Allow-Origin'], 'https://shop.example.com')
})

test('malformed patterns are a TypeError with the fix', () => {
  assert.throws(() => cors({ origin: ['https://*example.com'] }), { name: 'TypeError', message: /use "\*\." at the start of the host/ })
  assert.throws(() => cors({ origin: ['*.example.com'] }), { name: 'TypeError', message: /has no scheme/ })
  assert.throws(() => cors({ origin: ['https://*.com'] }), { name: 'TypeError', message: /needs a domain after "\*\."/ })
})

test("'*' inside a list stays literal, as in cors, and is reported", (t) => {
  const warnings = t.mock.method(process, 'emitWarning', () => {})
  const explained = cors.compile({ origin: ['*'] }).explain({ origin: 'https://a.example' })
  assert.equal(explained.allowed, false)
  assert.ok(warnings.mock.calls.some((call) => /compared literally/.test(call.arguments[0])))
})
