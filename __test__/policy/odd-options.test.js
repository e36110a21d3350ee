'use strict'
// Option values that cors@2.8.6 accepts although they are odd or mistaken: cors-native accepts
// them too and answers byte for byte as cors does, over HTTP in real Express 4 and 5, with a
// one-time warning whose code names the mistake (a TypeError with strict: true).
const test = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const corsNative = require('../..')
const { requestKinds } = require('../support/request-kinds')
const { differentialApp, listen } = require('../support/differential-server')
const { request, agent } = require('../support/http-client')
const { runMiddleware } = require('../support/fake-http')

const ORIGIN_TYPE = 'CORS_NATIVE_ORIGIN_TYPE'
const HEADER_LIST = 'CORS_NATIVE_HEADER_LIST_TYPE'
const MAX_AGE = 'CORS_NATIVE_MAX_AGE'
const STATUS = 'CORS_NATIVE_PREFLIGHT_STATUS'

// [label, options, the warning codes creating the middleware emits]
const oddOptions = [
  ['cors(true)', true, ['CORS_NATIVE_OPTIONS_TYPE']],
  ['cors(false)', false, ['CORS_NATIVE_OPTIONS_TYPE']],
  ['origin: 1', { origin: 1 }, [ORIGIN_TYPE]],
  ["origin: { host: 'a' }", { origin: { host: 'a' } }, [ORIGIN_TYPE]],
  ['origin array holding {}', { origin: ['https://other.example', {}] }, [ORIGIN_TYPE]],
  ['origin array holding 0', { origin: [0, 'https://allowed.example'] }, [ORIGIN_TYPE]],
  ['origin function answering 1', { origin: (origin, callback) => callback(null, 1) }, []],
  ["maxAge: 'abc'", { maxAge: 'abc' }, [MAX_AGE]],
  ['maxAge: -1', { maxAge: -1 }, [MAX_AGE]],
  ['maxAge: 1.5', { maxAge: 1.5 }, [MAX_AGE]],
  ['maxAge: NaN', { maxAge: NaN }, [MAX_AGE]],
  ['maxAge: true', { maxAge: true }, [MAX_AGE]],
  ['maxAge: Infinity', { maxAge: Infinity }, [MAX_AGE, 'CORS_NATIVE_MAX_AGE_ABOVE_CAP']],
  ['methods: 5', { methods: 5 }, [HEADER_LIST]],
  ["methods: ['GET', 7]", { methods: ['GET', 7] }, [HEADER_LIST]],
  ['methods: true', { methods: true }, [HEADER_LIST]],
  ['allowedHeaders: 5', { allowedHeaders: 5 }, [HEADER_LIST]],
  ['headers: { a: 1 }', { headers: { a: 1 } }, [HEADER_LIST]],
  ['exposedHeaders: [{}]', { exposedHeaders: [{}] }, [HEADER_LIST]],
  ['exposedHeaders: 5', { exposedHeaders: 5 }, [HEADER_LIST]],
  ["credentials: 'true'", { origin: 'https://fixed.example', credentials: 'true' }, ['CORS_NATIVE_CREDENTIALS_TYPE']],
  ['optionsSuccessStatus: 500', { optionsSuccessStatus: 500 }, [STATUS]],
  ['optionsSuccessStatus: 404', { optionsSuccessStatus: 404 }, [STATUS]],
  ["optionsSuccessStatus: '204'", { optionsSuccessStatus: '204' }, [STATUS]],
  ['optionsSuccessStatus: 99 with preflightContinue', { optionsSuccessStatus: 99, preflightContinue: true }, [STATUS]],
  ['a RegExp with a backreference', { origin: /^https:\/\/(a)llowed\.ex\1mple$/ }, ['CORS_NATIVE_BACKTRACKING_REGEX']],
  ['a RegExp with lookbehind in a list', { origin: ['https://other.example', /^https:\/\/\w+\.example$(?<!evil\.example)/] }, ['CORS_NATIVE_BACKTRACKING_REGEX']],
]

const optionSets = oddOptions.map(([label, options]) => ({ label, options }))

function warningCodes(t, create) {
  const warnings = t.mock.method(process, 'emitWarning', () => {})
  try {
    create()
    return warnings.mock.calls.map((call) => call.arguments[1].code)
  } finally {
    warnings.mock.restore()
  }
}

for (const [label, options, codes] of oddOptions) {
  test(`${label}: accepted with ${codes.join(', ') || 'no warning'}; strict makes it a TypeError`, (t) => {
    // The first middleware made from these options warns (later ones are not repeated).
    assert.deepEqual(warningCodes(t, () => corsNative(options)), codes)
    if (codes.length === 0 || typeof options !== 'object') return
    assert.throws(() => corsNative({ ...options, strict: true }), { name: 'TypeError', message: new RegExp(`strict: .*${codes[0]}`) })
  })
}

for (const [express, version] of [['express4', 'Express 4'], ['express', 'Express 5']]) {
  test(`${version}: odd option values get cors@2.8.6's responses byte for byte`, async (t) => {
    t.mock.method(process, 'emitWarning', () => {}) // the origin function's answer warns on first use
    const server = await listen(differentialApp(require(express), optionSets))
    try {
      const differences = []
      for (const [index, { label }] of optionSets.entries()) {
        for (const [kindName, method, headers] of requestKinds) {
          const expected = await request(`${server.baseUrl}/cors/${index}`, { method, headers })
          const actual = await request(`${server.baseUrl}/native/${index}`, { method, headers })
          try {
            assert.deepEqual(actual, expected)
          } catch (difference) {
            differences.push(`${label} | ${kindName}\n${difference.message}`)
          }
        }
      }
      t.diagnostic(`${optionSets.length} odd option sets x ${requestKinds.length} requests: ${optionSets.length * requestKinds.length - differences.length} identical`)
      assert.equal(differences.length, 0, differences.slice(0, 5).join('\n\n'))
    } finally {
      agent.destroy()
      await server.close()
    }
  })
}

test('an origin function answering a number warns once, with the code', (t) => {
  const middleware = corsNative({ origin: (origin, callback) => callback(null, 2) })
  const codes = warningCodes(t, () => runMiddleware(middleware, 'GET', { origin: 'https://a.example' }))
  assert.deepEqual(codes, [ORIGIN_TYPE])
})

test('warnings: { CODE: false } turns a code off, in strict mode too', (t) => {
  const options = { origin: ['https://a.example', 'null'], warnings: { CORS_NATIVE_NULL_ORIGIN: false } }
  assert.deepEqual(warningCodes(t, () => corsNative(options)), [])
  assert.deepEqual(corsNative.compile(options).lints, [])
  assert.equal(typeof corsNative({ ...options, strict: true }), 'function')
  assert.deepEqual(warningCodes(t, () => corsNative({ maxAge: 'soon', warnings: { CORS_NATIVE_MAX_AGE: false } })), [])
})

test('warnings: an unknown code is a warning naming the known ones; a wrong shape is a TypeError', (t) => {
  const codes = warningCodes(t, () => corsNative({ warnings: { CORS_NATIVE_NUL_ORIGIN: false } }))
  assert.deepEqual(codes, ['CORS_NATIVE_UNKNOWN_WARNING'])
  const messages = []
  t.mock.method(process, 'emitWarning', (message) => messages.push(message))
  corsNative({ warnings: { CORS_NATIVE_NUL_ORIGN: false } })
  assert.match(messages[0], /"CORS_NATIVE_NUL_ORIGN" is not a cors-native warning code; the codes are .*CORS_NATIVE_NULL_ORIGIN/)
  assert.throws(() => corsNative({ warnings: 'off' }), { name: 'TypeError', message: /warnings: off is not an object/ })
  assert.throws(() => corsNative({ warnings: { CORS_NATIVE_NULL_ORIGIN: 'no' } }), { name: 'TypeError', message: /is not a boolean/ })
})

test("Node's --disable-warning=CODE silences a cors-native warning", () => {
  const script = "require('.')({ origin: 1 }); require('.')({ maxAge: 'abc' })"
  const run = (...flags) => spawnSync(process.execPath, [...flags, '-e', script], { cwd: `${__dirname}/../..`, encoding: 'utf8' })
  const loud = run()
  assert.match(loud.stderr, /\[CORS_NATIVE_ORIGIN_TYPE\]/)
  const quiet = run('--disable-warning=CORS_NATIVE_ORIGIN_TYPE')
  assert.equal(quiet.status, 0, quiet.stderr)
  assert.doesNotMatch(quiet.stderr, /CORS_NATIVE_ORIGIN_TYPE/)
  assert.match(quiet.stderr, /\[CORS_NATIVE_MAX_AGE\]/)
})
