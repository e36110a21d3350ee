'use strict'
// A catastrophic-backtracking RegExp, /^(a+)+$/, against an origin of a's followed by "!":
// cors@2.8.6 runs it in V8, whose time doubles with each extra "a"; cors-native runs it in the
// regex crate in linear time. cors gets a short input so the test stays quick; the times are
// reported, not asserted (machines are noisy), and both must refuse the origin.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('cors')
const corsNative = require('../..')
const { runMiddleware } = require('../support/fake-http')

function decide(middleware, origin) {
  const started = process.hrtime.bigint()
  const { headers } = runMiddleware(middleware, 'GET', { origin })
  return { allowOrigin: headers['access-control-allow-origin'], ms: Number(process.hrtime.bigint() - started) / 1e6 }
}

test('ReDoS: linear time natively, exponential in cors', (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  const options = { origin: /^(a+)+$/ }
  const theirs = decide(cors(options), 'a'.repeat(24) + '!')
  const ours = decide(corsNative(options), 'a'.repeat(30) + '!')
  const oursLong = decide(corsNative(options), 'a'.repeat(100_000) + '!')
  t.diagnostic(`cors, 24 a's: ${theirs.ms.toFixed(1)} ms (each extra "a" doubles it: 30 would take ~${(theirs.ms * 64 / 1000).toFixed(0)} s)`)
  t.diagnostic(`cors-native, 30 a's: ${ours.ms.toFixed(3)} ms; 100,000 a's: ${oursLong.ms.toFixed(3)} ms`)
  assert.equal(theirs.allowOrigin, undefined)
  assert.equal(ours.allowOrigin, undefined)
  assert.equal(oursLong.allowOrigin, undefined)
  assert.equal(decide(corsNative(options), 'a'.repeat(30)).allowOrigin, 'a'.repeat(30), 'the pattern still matches what it should')
})
