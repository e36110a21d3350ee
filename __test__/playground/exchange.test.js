'use strict'
// The playground's recorded messages as the diagram draws them: which are preflights, which hop
// each belongs to, and at which one an engine's verdict says it was blocked.
const test = require('node:test')
const assert = require('node:assert/strict')
const { messagesFor, blockedAt } = require('../../lib/playground/exchange')

const entry = (method, url, status, requestHeaders = []) => ({ request: { method, url, headers: requestHeaders }, response: { status, headers: [] } })
const PREFLIGHT = [['access-control-request-method', 'PUT']]

// A preflight, a PUT redirected 307, the preflight sent to the redirect's target, the PUT there.
const LOG = [
  entry('OPTIONS', '/old-items', 204, PREFLIGHT),
  entry('PUT', '/old-items', 307),
  entry('OPTIONS', '/items', 204, PREFLIGHT),
  entry('PUT', '/items', 200),
]

test('messages are labelled preflight or not, with the hop of the actual request they belong to', () => {
  assert.deepEqual(messagesFor(LOG).map(({ preflight, hop }) => [preflight, hop]), [[true, null], [false, 0], [true, 0], [false, 1]])
  // An OPTIONS without Access-Control-Request-Method is an actual request.
  assert.deepEqual(messagesFor([entry('OPTIONS', '/items', 204)]).map(({ preflight, hop }) => [preflight, hop]), [[false, 0]])
})

test('an engine is blocked at the message its step and hop name, or at none', () => {
  const messages = messagesFor(LOG)
  const blocked = (step, hop) => blockedAt(messages, { allowed: false, step, hop })
  assert.equal(blocked('preflight', null), 0)
  assert.equal(blocked('redirect', 0), 1)
  assert.equal(blocked('preflight', 0), 2)
  assert.equal(blocked('response', 1), 3)
  assert.equal(blocked('response', 2), null)
  assert.equal(blockedAt(messages, { allowed: true, step: null, hop: null }), null)
  assert.equal(blockedAt([], { allowed: false, step: 'preflight', hop: null }), null)
})
