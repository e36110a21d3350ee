'use strict'
// The Express example starts, prints its URL, and answers its allow-list with credentials.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { startServer } = require('../support/child-server')
const { request, agent } = require('../support/http-client')

function header(response, name) {
  const pair = response.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())
  return pair && pair[1]
}

test('the Express example serves its allow-list with credentials', async (t) => {
  const server = await startServer(path.join(__dirname, '..', '..', 'examples', 'express', 'server.js'))
  t.after(() => { agent.destroy(); return server.stop() })

  const allowed = await request(`${server.url}/api/todos`, { headers: { Origin: 'https://pr-42.preview.example.com' } })
  assert.equal(allowed.status, 200)
  assert.equal(header(allowed, 'Access-Control-Allow-Origin'), 'https://pr-42.preview.example.com')
  assert.equal(header(allowed, 'Access-Control-Allow-Credentials'), 'true')
  assert.equal(header(allowed, 'Access-Control-Expose-Headers'), 'X-Total-Count')
  assert.equal(JSON.parse(allowed.body)[0].title, 'Try cors-native')

  const preflight = await request(`${server.url}/api/todos`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  })
  assert.equal(preflight.status, 204)
  assert.equal(header(preflight, 'Access-Control-Allow-Origin'), 'http://localhost:5173')
  assert.equal(header(preflight, 'Access-Control-Allow-Headers'), 'content-type')
  assert.equal(header(preflight, 'Access-Control-Max-Age'), '600')

  const refused = await request(`${server.url}/api/todos`, { headers: { Origin: 'https://app.example.com.evil.net' } })
  assert.equal(header(refused, 'Access-Control-Allow-Origin'), undefined)
  assert.equal(header(refused, 'Vary'), 'Origin')
})
