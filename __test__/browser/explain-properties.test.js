'use strict'
// Properties over generated (options, request) pairs, against the real Express middleware and
// the browser model: explain()'s `preflight` and `allowed` are the model's verdicts on what the
// middleware really answers, and strict mode refuses exactly what the Fetch standard refuses.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')
const { predict } = require('../../lib/browser/model')
const { runMiddleware } = require('../support/fake-http')

const PAGE = 'https://app.example.com'
const URL_ = 'https://api.example.com/items'
const ORIGINS = [PAGE, 'https://evil.example', 'null']
const METHODS = ['GET', 'POST', 'PUT', 'put', 'PATCH', 'patch', 'DELETE', 'OPTIONS']
const HEADERS = ['content-type', 'authorization', 'x-api-key', 'accept', 'X-Requested-With']
const OPTION_ORIGINS = [PAGE, '*', true, [PAGE, 'null'], ['https://other.example']]
const OPTION_METHODS = [undefined, ['GET', 'POST'], ['GET', 'PUT', 'PATCH'], '*', 'GET,put']
const OPTION_HEADERS = [undefined, ['Content-Type'], ['content-type', 'x-api-key'], '*', ['*', 'Authorization'], []]

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function generator(seed) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = (list) => list[Math.floor(next() * list.length)]
  const subset = (list) => list.filter(() => next() < 0.3)
  return { next, pick, subset }
}

function generate(random) {
  const options = { origin: random.pick(OPTION_ORIGINS), credentials: random.next() < 0.4 }
  const methods = random.pick(OPTION_METHODS)
  if (methods !== undefined) options.methods = methods
  const allowedHeaders = random.pick(OPTION_HEADERS)
  if (allowedHeaders !== undefined) options.allowedHeaders = allowedHeaders
  const request = {
    origin: random.pick(ORIGINS),
    method: random.pick(METHODS),
    requestHeaders: random.subset(HEADERS).join(', ') || undefined,
    credentials: random.next() < 0.5,
    url: URL_,
  }
  return { options, request }
}

/** The page's fetch() for a generated request, as the model takes it. */
function pageRequest({ origin, method, requestHeaders }, credentials) {
  const headers = (requestHeaders ?? '').split(',').map((name) => name.trim()).filter(Boolean).map((name) => [name, '1'])
  return { url: URL_, origin, method, headers, credentials: credentials ? 'include' : 'same-origin' }
}

/** The headers of the preflight the model says the browser sends first. */
function preflightHeaders(origin, first) {
  const asked = { origin, 'access-control-request-method': first.requestMethod }
  if (first.requestHeaders.length) asked['access-control-request-headers'] = first.requestHeaders.join(',')
  return asked
}

/** The middleware's answer to what the browser sends, as the model's response shape. */
function answer(middleware, method, headers) {
  const { headers: sent, status, nextArgs } = runMiddleware(middleware, method, headers)
  const pairs = Object.entries(sent).map(([name, value]) => [name, String(value)])
  return { url: URL_, status: nextArgs === undefined ? status : 200, headers: pairs }
}

test('explain() says what the model says about the real middleware answers', (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  const random = generator(19)
  let preflighted = 0
  let refused = 0
  for (let i = 0; i < 10_000; i++) {
    const { options, request } = generate(random)
    const label = `case ${i}: ${JSON.stringify({ options, request })}`
    const middleware = cors(options)
    const explained = cors.compile(options).explain(request)
    const page = pageRequest(request, request.credentials)
    const first = predict({ request: page, preflight: null, responses: [] })
    assert.equal(explained.preflight, first.preflightNeeded, label)
    const preflight = first.preflightNeeded
      ? answer(middleware, 'OPTIONS', preflightHeaders(request.origin, first))
      : null
    const actual = answer(middleware, first.requestMethod, { origin: request.origin })
    const model = predict({ request: page, preflight, responses: [actual] })
    const every = ['chromium', 'firefox', 'webkit'].every((name) => model.engines[name].allowed)
    assert.equal(explained.allowed, every, label)
    for (const name of ['chromium', 'firefox', 'webkit']) assert.equal(explained.engines[name].allowed, model.engines[name].allowed, `${label} ${name}`)
    preflighted += first.preflightNeeded
    refused += !every
  }
  // The generator reaches both sides of each property.
  assert.ok(preflighted > 500 && preflighted < 9900, `${preflighted} preflighted`)
  assert.ok(refused > 1000 && refused < 9000, `${refused} refused`)
})

test('strict mode refuses a preflight exactly when the Fetch standard would', (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  const random = generator(23)
  let compared = 0
  let strictRefusals = 0
  for (let i = 0; i < 10_000; i++) {
    const { options, request } = generate(random)
    if (request.origin !== PAGE) continue
    let strict
    try {
      strict = cors({ ...options, origin: [PAGE], strict: true })
    } catch {
      continue // options strict mode rejects at creation (a lint): not a preflight question
    }
    const lenient = cors({ ...options, origin: [PAGE] })
    const page = pageRequest({ ...request, origin: PAGE }, options.credentials)
    const first = predict({ request: page, preflight: null, responses: [] })
    if (!first.preflightNeeded) continue
    const asked = preflightHeaders(PAGE, first)
    const strictAnswer = answer(strict, 'OPTIONS', asked)
    const judged = predict({ request: page, preflight: answer(lenient, 'OPTIONS', asked), responses: [] })
    // The standard is every engine minus its deviations.
    const standardRefuses = Object.values(judged.engines).some((engine) => !engine.allowed || engine.deviation)
    assert.equal(strictAnswer.status === 403, standardRefuses, `case ${i}: ${JSON.stringify({ options, request })} strict ${strictAnswer.status}`)
    compared++
    strictRefusals += standardRefuses
  }
  assert.ok(compared > 1000, `${compared} compared`)
  assert.ok(strictRefusals > 100 && strictRefusals < compared - 100, `${strictRefusals} of ${compared} refused`)
})
