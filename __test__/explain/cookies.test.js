'use strict'
// explain()'s cookies: for the same Set-Cookie, policy and fetch, explain() gives per engine
// exactly what `check` reports from a real https server answering under that policy (one
// owner, the cookie model), plus the policy's own note; bad input is a TypeError naming it.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const cors = require('../..')
const { check } = require('../../lib/check')
const { startProcess } = require('../check/processes')
const { skippedFor } = require('../check/chromium')
const { makeCertificate, opensslMissing } = require('../support/certificate')
const { PAGE, CASES } = require('./cases')

const COOKIE_CODES = new Set(['credentials-not-allowed', 'cookies-need-credentials', 'cross-site-cookies'])

test('explain() judges each cookie as check does on the real answer', { timeout: 60_000 }, async (t) => {
  if (skippedFor(t, opensslMissing())) return
  const certificate = makeCertificate()
  t.after(() => fs.rmSync(certificate.dir, { recursive: true, force: true }))
  const server = await startProcess(process.execPath, [path.join(__dirname, 'set-cookie-app.js')], { env: { CERT: certificate.cert, KEY: certificate.key } })
  t.after(() => server.stop())
  const { port } = new URL(server.url)
  const resolve = [...new Set(CASES.map((item) => `${item.host}:${port}:127.0.0.1`))]

  for (const [index, item] of CASES.entries()) {
    await t.test(item.name, async () => {
      const url = `https://${item.host}:${port}/case/${index}`
      const checked = await check(url, { origin: PAGE, credentials: item.credentials, resolve, insecure: true, probes: false })
      const explained = cors.compile({ origin: [PAGE], credentials: item.policyCredentials })
        .explain({ origin: PAGE, url, credentials: item.credentials === 'include', cookies: [item.cookie] })
      assert.deepEqual(explained.cookies, checked.cookies)
      const [cookie] = explained.cookies
      assert.equal(cookie.setBy, url)
      for (const [engine, [stored, sent]] of Object.entries(item.expect)) {
        assert.deepEqual([cookie.engines[engine].stored, cookie.engines[engine].sent], [stored, sent], engine)
        if (!sent) assert.ok(cookie.engines[engine].reason && cookie.engines[engine].fix, `${engine} says why and the fix`)
      }
      const codes = explained.cookieProblems.map((problem) => problem.code)
      assert.deepEqual(codes, item.problems)
      // check knows no policy: every note but the policy's own is check's.
      assert.deepEqual(checked.problems.map((problem) => problem.code).filter((code) => COOKIE_CODES.has(code)), codes.filter((code) => code !== 'credentials-not-allowed'))
      assert.equal(explained.allowed, checked.allowed)
    })
  }
})

test("the policy's note names its fix, and a cross-site note says what works", () => {
  const loose = cors.compile({ origin: [PAGE] }).explain({ origin: PAGE, url: 'https://api.example.com/login', credentials: true, cookies: ['sid=1; Secure', 'theme=dark'] })
  assert.equal(loose.cookieProblems[0].code, 'credentials-not-allowed')
  assert.match(loose.cookieProblems[0].message, /sets 2 cookies \(sid, theme\).*if https:\/\/app\.example\.com should send cookies, set credentials: true$/)
  const crossSite = cors.compile({ origin: [PAGE], credentials: true }).explain({ origin: PAGE, url: 'https://api.other.test/login', credentials: true, cookies: ['sid=1; SameSite=None; Secure'] })
  assert.match(crossSite.cookieProblems[0].message, /serve the API on the page's own site.*proxy it through the page's origin.*token in the Authorization header/)
  // Same origin: no credentials needed from the policy.
  const sameOrigin = cors.compile({ origin: [PAGE] }).explain({ origin: PAGE, url: `${PAGE}/login`, cookies: ['sid=1'] })
  assert.deepEqual(sameOrigin.cookieProblems, [])
  assert.equal(sameOrigin.cookies[0].engines.chromium.sent, true)
  const none = cors.compile({ origin: [PAGE] }).explain({ origin: PAGE })
  assert.deepEqual([none.cookies, none.cookieProblems], [[], []])
})

test('bad cookies, or cookies without url or origin, are a TypeError naming the option', () => {
  const policy = cors.compile({ origin: [PAGE], credentials: true })
  const url = 'https://api.example.com/login'
  const refused = [
    [{ origin: PAGE, url, cookies: 'sid=1' }, /cookies must be an array of Set-Cookie values, such as cookies: \['sid=1; Secure; SameSite=None'\], not "sid=1"/],
    [{ origin: PAGE, url, cookies: ['a=1', 7] }, /cookies\[1\] must be a Set-Cookie value .*, not 7/],
    [{ origin: PAGE, cookies: ['sid=1'] }, /cookies need url, the API's URL whose response sets them \(url: 'https:\/\/api\.example\.com\/login'\)/],
    [{ origin: PAGE, url: 'api.example.com/login', cookies: ['sid=1'] }, /url must be the API's absolute http\(s\) URL, .*not "api\.example\.com\/login"/],
    [{ url, cookies: ['sid=1'] }, /cookies need origin, the page's origin/],
    [{ origin: PAGE, url, cookies: Array.from({ length: 70 }, (_, i) => `c${i}=1`) }, /cookies lists 70 values, more than the cookie model judges for one response \(64\)/],
  ]
  for (const [request, message] of refused) assert.throws(() => policy.explain(request), { name: 'TypeError', message })
})
