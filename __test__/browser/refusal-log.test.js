'use strict'
// DEBUG=cors-native: every refused request logs exactly one line with the reason, whatever the
// adapter (Express middleware, cors-native/fetch, cors-native/next) and the policy kind
// (static, origin function, delegate), for actual requests and for preflights alike.
const test = require('node:test')
const assert = require('node:assert/strict')
const { runMiddleware } = require('../support/fake-http')

const ALLOWED = 'https://app.example.com'
const REFUSED = 'https://evil.example'

const policies = {
  static: [ALLOWED],
  'origin function': { origin: (origin, callback) => callback(null, origin === ALLOWED) },
  'origin function answering a list': { origin: (origin, callback) => callback(null, [ALLOWED]) },
  delegate: (request, callback) => callback(null, { origin: [ALLOWED] }),
  'delegate answering origin: false': (request, callback) => callback(null, { origin: false }),
}

const requests = {
  GET: { method: 'GET', headers: { origin: REFUSED } },
  preflight: { method: 'OPTIONS', headers: { origin: REFUSED, 'access-control-request-method': 'PUT' } },
}

function optionsOf(policy) {
  return Array.isArray(policy) ? { origin: policy } : policy
}

// Each adapter takes options and a plain request and runs it to the end.
const adapters = {
  express: async (options, { method, headers }) => {
    const middleware = require('../..')(options)
    runMiddleware(middleware, method, headers)
  },
  'cors-native/fetch': async (options, { method, headers }) => {
    const { createCors } = require('cors-native/fetch')
    await createCors(options).wrap(() => new Response('ok'))(new Request('http://127.0.0.1/', { method, headers }))
  },
  'cors-native/next': async (options, { method, headers }) => {
    const { createCors } = require('cors-native/next')
    await createCors(options).wrap(() => new Response('ok'))(new Request('http://127.0.0.1/', { method, headers }), {})
  },
}

/** The lines written to stderr while `run` creates a policy with DEBUG=cors-native and uses it. */
async function loggedLines(t, run) {
  const lines = []
  const previous = process.env.DEBUG
  process.env.DEBUG = 'cors-native'
  const write = t.mock.method(process.stderr, 'write', (line) => { lines.push(String(line)); return true })
  try {
    await run()
  } finally {
    write.mock.restore()
    if (previous === undefined) delete process.env.DEBUG
    else process.env.DEBUG = previous
  }
  return lines
}

for (const [adapterName, run] of Object.entries(adapters)) {
  test(`${adapterName}: each refused request logs one line with the reason`, async (t) => {
    for (const [policyName, policy] of Object.entries(policies)) {
      for (const [kind, request] of Object.entries(requests)) {
        const lines = await loggedLines(t, () => run(optionsOf(policy), request))
        const label = `${policyName}, ${kind}`
        assert.equal(lines.length, 1, `${label}: ${lines.join('')}`)
        const what = kind === 'preflight' ? 'preflight for PUT' : kind
        assert.match(lines[0], new RegExp(`^cors-native: refused ${what} http://(localhost|127\\.0\\.0\\.1)/ from ${REFUSED}: .*${REFUSED}`), label)
        // What Chromium will print, in its own words, and the fix.
        assert.match(lines[0], /Chromium will say: "Access to fetch at 'http:\/\/(localhost|127\.0\.0\.1)\/' from origin 'https:\/\/evil\.example' has been blocked by CORS policy: .*" Fix: /, label)
      }
      const allowed = await loggedLines(t, () => run(optionsOf(policy), { method: 'GET', headers: { origin: ALLOWED } }))
      if (policyName !== 'delegate answering origin: false') assert.deepEqual(allowed, [], `${policyName}: an allowed request logs nothing`)
    }
  })
}

test('a strict refusal logs the reason the 403 gives', async (t) => {
  const options = { origin: [ALLOWED], methods: ['GET'], strict: true }
  for (const run of Object.values(adapters)) {
    const lines = await loggedLines(t, () => run(options, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'PATCH' } }))
    assert.equal(lines.length, 1)
    assert.match(lines[0], new RegExp(`^cors-native: refused preflight for PATCH http://(localhost|127\\.0\\.0\\.1)/ from ${ALLOWED}: method PATCH is not allowed\\. Chromium will say: "Access to fetch at .*Response to preflight request doesn't pass access control check`))
  }
})

test('a refused origin names the closest configured entry', async (t) => {
  const lines = await loggedLines(t, () => adapters.express({ origin: ['https://app.example.com/'] }, { method: 'GET', headers: { origin: ALLOWED } }))
  assert.match(lines[0], /differs only by a trailing slash/)
})

test('a lower-case options preflight is answered and logged as a preflight', async (t) => {
  const lines = await loggedLines(t, () => runMiddleware(require('../..')({ origin: [ALLOWED] }), 'options', { origin: REFUSED, 'access-control-request-method': 'PUT' }))
  assert.equal(lines.length, 1)
  assert.match(lines[0], new RegExp(`^cors-native: refused preflight for PUT http://(localhost|127\\.0\\.0\\.1)/ from ${REFUSED}`))
  assert.match(lines[0], /Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header/)
})
