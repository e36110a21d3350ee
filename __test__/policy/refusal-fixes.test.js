'use strict'
// A refusal's fix is the policy's own edit of the options, conditional and minimal: every
// configured entry kept, the origin (or strict mode's method or header) added, or the entry
// meant for it rewritten; never "null", never "*" or every origin. Seen in the DEBUG=cors-native lines of a real Express app
// and in explain(); a fix written as an origin list, applied, allows the origin it was for.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const cors = require('../..')
const { startServer } = require('../support/child-server')
const { request, agent } = require('../support/http-client')
const { isPreflight } = require('../../lib/pipeline/preflight')

const NEW = 'https://new.example.com'
let server
let sent = 0

test.before(async () => {
  server = await startServer(path.join(__dirname, 'refusal-fix-server.js'), { env: { DEBUG: 'cors-native' } })
})
test.after(async () => {
  agent.destroy()
  await server?.stop()
})

/**
 * Sends one request from `origin` and returns the fix of the DEBUG line it logged. The server
 * logs at most 10 refusals per 10 seconds: this file sends fewer.
 */
async function loggedFix(route, origin, { method = 'GET', headers = {} } = {}) {
  const url = `${server.url}${route}?request=${++sent}`
  await request(url, { method, headers: { origin, ...headers } })
  const start = `cors-native: refused ${isPreflight(method, headers['access-control-request-method']) ? `preflight for ${headers['access-control-request-method']}` : method} ${url} from ${origin}: `
  let line
  // The line is written before the response, but reaches this process on another pipe.
  while (!(line = server.output().split('\n').find((logged) => logged.startsWith(start)))) await new Promise((resolve) => setImmediate(resolve))
  const fix = line.split('" Fix: ')[1]
  assert.ok(fix, line)
  return fix
}

/** The origin list a fix writes (`origin: [...]` with string entries only), as options. */
function writtenList(fix) {
  const list = fix.match(/origin: (\[[^\]]*\])$/)
  return list && JSON.parse(list[1].replaceAll("'", '"'))
}

function allows(options, origin) {
  return cors.compile(options).explain({ origin }).allowed
}

test('DEBUG lines on a real Express app: the fix edits the options the route was given', { timeout: 30_000 }, async () => {
  const list = await loggedFix('/list', 'https://evil.example')
  assert.equal(list, "if https://evil.example should be allowed, add it: origin: ['https://app.example.com', 'https://*.example.org', /^https:\\/\\/[a-z]+\\.example\\.net$/, 'https://evil.example']")

  const slash = await loggedFix('/slash', 'https://app.example.com')
  assert.equal(slash, "the entry 'https://app.example.com/' never matches, as browsers send https://app.example.com; origin: ['https://app.example.com', 'http://localhost:5173']")
  assert.ok(allows({ origin: writtenList(slash) }, 'https://app.example.com'))

  const fixed = await loggedFix('/fixed', NEW)
  assert.equal(fixed, `if ${NEW} should be allowed, list both: origin: ['https://app.example.com', '${NEW}']`)
  assert.ok(allows({ origin: writtenList(fixed) }, NEW) && allows({ origin: writtenList(fixed) }, 'https://app.example.com'))

  const credentials = await loggedFix('/credentials', NEW)
  assert.equal(credentials, `if ${NEW} should be allowed, add it: origin: ['https://app.example.com', '${NEW}']`)
  assert.ok(allows({ origin: writtenList(credentials), credentials: true }, NEW))
  assert.ok(!allows({ origin: writtenList(credentials), credentials: true }, 'https://evil.example'), 'the fix allows that origin only')

  assert.match(await loggedFix('/function', NEW), /^the origin function decides: if https:\/\/new\.example\.com should be allowed, have it answer true for https:\/\/new\.example\.com .*not for every origin$/)
  assert.equal(await loggedFix('/answered-list', NEW), `if ${NEW} should be allowed, add it: have the origin function answer ['https://app.example.com', '${NEW}']`)
  assert.equal(await loggedFix('/off', NEW), `origin: false turns CORS off; if ${NEW} should be allowed, set origin: ['${NEW}']`)

  // The null origin `check` probes with: where it comes from, and never an entry for it.
  const refusedNull = await loggedFix('/list', 'null', { method: 'OPTIONS', headers: { 'access-control-request-method': 'PUT' } })
  assert.match(refusedNull, /^an Origin of null comes from a sandboxed iframe, a file: or data: page, or a request redirected to another origin; do not allow "null"/)

  // Strict mode's refusal of a method edits the methods option.
  const strict = await loggedFix('/strict', 'https://app.example.com', { method: 'OPTIONS', headers: { 'access-control-request-method': 'PATCH' } })
  assert.equal(strict, "if PATCH should be allowed, add it: methods: ['GET', 'PUT', 'PATCH']")

  for (const line of server.output().split('\n').filter((logged) => logged.startsWith('cors-native: refused'))) {
    const fix = line.split('" Fix: ')[1]
    assert.doesNotMatch(fix, /Send Access-Control-Allow-Origin|'null'|'\*'|origin: true/, line)
  }
  assert.doesNotMatch(server.output(), /more refusals not logged/)
})

test("explain(): the policy's refusal reasons end with the fix, and each blocking engine gives the options' edit", () => {
  const policy = cors.compile({ origin: ['https://app.example.com', /^https:\/\/[a-z]+\.example\.org$/], credentials: true })
  const refused = policy.explain({ origin: NEW, credentials: true })
  const fix = `if ${NEW} should be allowed, add it: origin: ['https://app.example.com', /^https:\\/\\/[a-z]+\\.example\\.org$/, '${NEW}']`
  assert.deepEqual(refused.reasons, [`origin ${NEW} is not allowed`, fix])
  for (const engine of ['chromium', 'firefox', 'webkit']) assert.equal(refused.engines[engine].fix, fix, engine)

  const refusedNull = policy.explain({ origin: 'null' })
  assert.match(refusedNull.reasons.at(-1), /^an Origin of null comes from a sandboxed iframe/)
  assert.doesNotMatch(refusedNull.engines.chromium.fix, /Access-Control-Allow-Origin: null/)

  const strict = cors.compile({ origin: ['https://app.example.com'], allowedHeaders: ['Content-Type'], strict: true })
  const header = strict.explain({ origin: 'https://app.example.com', method: 'PUT', requestHeaders: 'x-api-key' })
  assert.deepEqual(header.reasons, ['the preflight is refused with 403: header x-api-key is not allowed', "if x-api-key should be allowed, add it: allowedHeaders: ['Content-Type', 'x-api-key']"])
  assert.equal(header.engines.firefox.fix, header.reasons[1])

  assert.deepEqual(policy.explain({ origin: 'https://app.example.com' }).reasons, ['origin https://app.example.com is allowed'])

  // What a browser refuses in an answer the policy gives: the options edited, and with
  // credentials never '*' nor every origin.
  for (const options of [{ origin: '*', credentials: true }, { origin: true }]) {
    const withCookies = cors.compile(options).explain({ origin: NEW, credentials: true })
    assert.match(withCookies.engines.chromium.fix, new RegExp(`if ${NEW} should send cookies, set origin: \\['${NEW}'\\], credentials: true$`), JSON.stringify(options))
    assert.ok(cors.compile({ origin: [NEW], credentials: true }).explain({ origin: NEW, credentials: true }).allowed, 'the fix, applied, allows it')
  }
  const noCredentials = cors.compile({ origin: [NEW] }).explain({ origin: NEW, credentials: true })
  assert.equal(noCredentials.engines.webkit.fix, `if ${NEW} should send cookies, set credentials: true`)
  const method = cors.compile({ origin: [NEW], methods: 'GET,PUT' }).explain({ origin: NEW, method: 'PATCH' })
  assert.equal(method.reasons.at(-1), "Chromium, Firefox, WebKit will refuse it at the preflight: if PATCH should be allowed, add it: methods: ['GET', 'PUT', 'PATCH']")
  assert.ok(cors.compile({ origin: [NEW], methods: ['GET', 'PUT', 'PATCH'] }).explain({ origin: NEW, method: 'PATCH' }).allowed)

  // What browsers never send is quoted, escaped and bounded, and gets no entry.
  const odd = cors.compile({ origin: ['https://app.example.com'] }).explain({ origin: `https://x.example/\u001b[31m${'a'.repeat(5000)}` })
  assert.match(odd.reasons.at(-1), /is not an origin as browsers send it/)
  assert.ok(!odd.reasons.at(-1).includes('\u001b') && odd.reasons.at(-1).length < 300)
})
