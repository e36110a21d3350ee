'use strict'
// Properties of the middleware over 100,000+ generated origins (seeded, so failures replay):
// Access-Control-Allow-Origin is absent or byte-equal to the request's Origin (or the policy's
// fixed value), it is present exactly when cors@2.8.6 sends it, and a refused origin never
// gets it. Fake req/res objects keep this fast; the hostile-requests test covers real HTTP.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('cors')
const corsNative = require('../..')
const { runMiddleware } = require('../support/fake-http')

function generator(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = (items) => items[Math.floor(next() * items.length)]
  const text = (alphabet, max) => Array.from({ length: Math.floor(next() * max) }, () => pick(alphabet)).join('')
  return { next, pick, text }
}

const ALLOWED = ['https://app.example.com', 'https://admin.example.com:8443', 'null']
const latin1 = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\r' && c !== '\n')

function hostileOrigin(random) {
  const base = random.pick(ALLOWED)
  switch (Math.floor(random.next() * 9)) {
    case 0: return base
    case 1: return base + random.text(['/', '.', 'x', ':', '0', ' '], 4)
    case 2: return random.text(['h', 't', 'p', 's', ':', '/'], 3) + base
    case 3: return base.toUpperCase()
    case 4: return base.replace('.', random.pick(['', '-', '..', 'x']))
    case 5: return `${base}.evil.net`
    case 6: return random.text(latin1, 40)
    case 7: return 'https://' + random.text(['a', 'b', '.', '-', 'é', '\u0000', '\ud800'], 20) + '.example.com'
    default: return random.text(['a', '.', ':', '/', '*'], 12)
  }
}

const policies = {
  'exact list': { origin: ALLOWED, credentials: true },
  'anchored RegExps': { origin: [/^https:\/\/[a-z]+\.example\.com(:\d+)?$/, /^null$/] },
  'unanchored RegExp': { origin: /example\.com/ },
  'case-insensitive RegExp': { origin: /^https:\/\/APP\.example\.com$/i },
  reflect: { origin: true },
  'function answering a list': { origin: (origin, callback) => callback(null, ALLOWED) },
}

for (const [name, options] of Object.entries(policies)) {
  test(`${name}: the echoed origin is the request's, and only when cors would echo it`, () => {
    const random = generator(0xc0de + name.length)
    const theirs = cors(options)
    const ours = corsNative(options)
    for (let i = 0; i < 20_000; i++) {
      const origin = hostileOrigin(random)
      const expected = runMiddleware(theirs, 'GET', { origin }).headers['access-control-allow-origin']
      const actual = runMiddleware(ours, 'GET', { origin }).headers['access-control-allow-origin']
      assert.ok(actual === undefined || actual === origin, `echoed ${JSON.stringify(actual)} for ${JSON.stringify(origin)}`)
      // Lone surrogates cannot arrive from HTTP; cors-native refuses them rather than risk a
      // lossy UTF-8 conversion matching something else (reflect mode echoes anything, as cors).
      if (!origin.isWellFormed() && name !== 'reflect') assert.equal(actual, undefined, JSON.stringify(origin))
      else assert.equal(actual, expected, `origin ${JSON.stringify(origin)}`)
    }
  })
}
