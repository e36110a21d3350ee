'use strict'
// A plain node:http API whose answers are spelled out header by header, for the CORS
// failures no framework produces on purpose (several values, a bad list, redirects...).
// PAGE_ORIGIN is the origin of the test page.
const http = require('node:http')
const { isPreflight } = require('../../../lib/pipeline/preflight')

const ORIGIN = process.env.PAGE_ORIGIN
const ok = { status: 204, headers: [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-api-key']] }

/** name -> { preflight, actual } answers; a function gets the request. */
const ROUTES = {
  'two-values': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Origin', ORIGIN]] } },
  'comma-list': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', `${ORIGIN}, https://other.example`]] } },
  'not-a-url': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'localhost']] } },
  'credentials-false': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Credentials', 'false']] } },
  'preflight-404': { preflight: { status: 404, headers: [['Access-Control-Allow-Origin', ORIGIN]] } },
  'preflight-redirect': { preflight: { status: 301, headers: [['Location', '/raw/elsewhere'], ['Access-Control-Allow-Origin', ORIGIN]] } },
  'bad-method-list': { preflight: { status: 204, headers: [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Methods', 'GET PUT']] } },
  'method-missing': { preflight: { status: 204, headers: [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Methods', 'GET, POST']] } },
  'authorization-wildcard': {
    preflight: { status: 204, headers: [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', '*']] },
    actual: { status: 200, headers: [['Access-Control-Allow-Origin', ORIGIN]] },
  },
  'preflight-ok': { preflight: ok, actual: { status: 200, headers: [['Access-Control-Allow-Origin', ORIGIN]] } },
  'redirect-other-origin': { actual: (req, port) => ({ status: 302, headers: [['Location', `http://localhost:${port}/raw/after-redirect`], ['Access-Control-Allow-Origin', ORIGIN]] }) },
  'after-redirect': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', ORIGIN]] } },
  'redirect-to-null-ok': { actual: (req, port) => ({ status: 307, headers: [['Location', `http://localhost:${port}/raw/null-ok`], ['Access-Control-Allow-Origin', ORIGIN]] }) },
  'null-ok': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'null']] } },
  'redirect-without-cors': { actual: { status: 302, headers: [['Location', '/raw/after-redirect']] } },
}

const server = http.createServer((req, res) => {
  const name = req.url.replace(/^\/raw\//, '').replace(/\?.*$/, '')
  const route = ROUTES[name]
  const answer = route && (isPreflight(req.method, req.headers['access-control-request-method']) ? route.preflight : route.actual)
  const { status, headers } = typeof answer === 'function' ? answer(req, server.address().port) : answer ?? { status: 404, headers: [] }
  res.writeHead(status, headers.flat())
  res.end(status === 204 ? undefined : '{}')
})
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
