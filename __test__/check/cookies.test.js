'use strict'
// `check` on the cookies of real session servers: Express with express-session over https on
// realistic names mapped to loopback (--resolve, --insecure), where real Chromium's jar must
// agree with the model, and FastAPI's response.set_cookie and Django's session middleware,
// where check must report what the model says.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const net = require('node:net')
const path = require('node:path')
const { startProcess } = require('./processes')
const { chromiumMissing, skippedFor, launch } = require('./chromium')
const { pythonWithServers, pythonMissing } = require('./python-env')
const { makeCertificate, opensslMissing } = require('../support/certificate')
const { freePort } = require('../support/free-port')
const { check } = require('../../lib/check')
const { run } = require('../../lib/check/cli')
const { describe } = require('../../lib/check/report')

const SERVERS = path.join(__dirname, 'servers')
const HOSTS = ['app.example.com', 'api.example.com', 'api.other.test']

/** Logs in (`path`) with a fetch from the page, then asks /me which cookies came back. */
async function inChromium(browser, page, api, config, path, credentials) {
  const context = await browser.newContext()
  try {
    const tab = await context.newPage()
    await tab.goto(`${page}/`, { timeout: 30_000 })
    const seen = await tab.evaluate(async ({ api, config, path, credentials }) => {
      await fetch(`${api}/${config}/${path}`, { credentials })
      const me = await fetch(`${api}/${config}/me`, { credentials: 'include' })
      return (await me.json()).cookies
    }, { api, config, path, credentials })
    const jar = (await context.cookies()).map((cookie) => cookie.name)
    return { stored: jar.includes(`sid_${config}`), sent: seen.includes(`sid_${config}`) }
  } finally {
    await context.close()
  }
}

test('check and real Chromium agree on express-session cookies, same-site and cross-site', { timeout: 180_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing() ?? opensslMissing())) return
  const certificate = makeCertificate()
  t.after(() => fs.rmSync(certificate.dir, { recursive: true, force: true }))
  // The page's origin names the port, and the server allows that origin: it is told its port.
  const port = await freePort()
  const page = `https://app.example.com:${port}`
  const server = await startProcess(process.execPath, [path.join(SERVERS, 'session-app.js')], { env: { CERT: certificate.cert, KEY: certificate.key, PAGE_ORIGINS: page, PORT: String(port) } })
  t.after(() => server.stop())
  const rules = HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ')
  const browser = await launch([`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'])
  t.after(() => browser.close())
  const resolve = HOSTS.map((host) => `${host}:${port}:127.0.0.1`)
  const sameSite = `https://api.example.com:${port}`
  const crossSite = `https://api.other.test:${port}`
  const cases = [
    { api: sameSite, config: 'none', expect: { chromium: [true, true], webkit: [true, true] } },
    { api: sameSite, config: 'default', expect: { chromium: [true, true], firefox: [true, true] } },
    { api: sameSite, config: 'strict', expect: { chromium: [true, true] } },
    { api: page, config: 'default', expect: { chromium: [true, true] } },
    { api: crossSite, config: 'none', expect: { chromium: [false, false], chromiumThirdPartyAllowed: [true, true], firefox: [true, true], webkit: [false, false] }, problem: 'cross-site-cookies' },
    { api: crossSite, config: 'default', expect: { chromium: [false, false], chromiumThirdPartyAllowed: [false, false], firefox: [true, true] }, problem: 'cross-site-cookies' },
    { api: crossSite, config: 'lax', expect: { chromium: [false, false], firefox: [false, false] }, problem: 'cross-site-cookies' },
    { api: crossSite, config: 'partitioned', expect: { chromium: [true, true], webkit: [false, false] }, problem: 'cross-site-cookies' },
    { api: sameSite, config: 'none', credentials: 'same-origin', expect: { chromium: [false, false] }, problem: 'cookies-need-credentials' },
    // The session starts on a redirect: the cookie is judged against the hop that set it.
    { api: sameSite, config: 'none', path: 'hop', expect: { chromium: [true, true], webkit: [true, true] } },
    { api: crossSite, config: 'none', path: 'hop', expect: { chromium: [false, false], firefox: [true, true] }, problem: 'cross-site-cookies' },
  ]
  const disagreements = []
  for (const { api, config, path = 'login', credentials = 'include', expect, problem } of cases) {
    const name = `${config} cookie from ${api}/${config}/${path}, credentials ${credentials}`
    const result = await check(`${api}/${config}/${path}`, { origin: page, credentials, resolve, insecure: true, probes: false })
    assert.equal(result.allowed, true, name)
    assert.equal(result.exchanges.actual.length, path === 'hop' ? 2 : 1, name)
    const [cookie] = result.cookies
    assert.equal(cookie.name, `sid_${config}`, name)
    assert.equal(cookie.setBy, `${api}/${config}/${path}`, name)
    for (const [engine, [stored, sent]] of Object.entries(expect)) {
      assert.deepEqual([cookie.engines[engine].stored, cookie.engines[engine].sent], [stored, sent], `${name}: ${engine}`)
    }
    if (problem) assert.ok(result.problems.some((p) => p.code === problem), `${name}: ${problem}`)
    const real = await inChromium(browser, page, api, config, path, credentials)
    const model = { stored: cookie.engines.chromium.stored, sent: cookie.engines.chromium.sent }
    if (real.stored !== model.stored || real.sent !== model.sent) disagreements.push({ name, real, model })
  }
  assert.deepEqual(disagreements, [])

  // The command line: the same check in text, with a cookie held from a first-party visit.
  let text = ''
  const code = await run([`${crossSite}/none/login`, '--origin', page, '--credentials', '--no-probes', '--insecure', '--resolve', `api.other.test:${port}:127.0.0.1`, '--cookie', 'old=1; Secure; SameSite=None'], { write: (chunk) => { text += chunk } }, { write: (chunk) => { text += chunk } })
  assert.equal(code, 0, text)
  assert.match(text, /old \(held from a first-party visit\)\n {4}Chromium: stored, NOT sent: UserPreferences/)
  assert.match(text, /sid_none \(set by https:\/\/api\.other\.test:\d+\/none\/login\)\n {4}Chromium: NOT stored: UserPreferences/)
  assert.match(text, /WebKit: NOT stored: cross-site responses set no cookies/)
})

test('check reports the cookies of FastAPI set_cookie and Django sessions as the model judges them', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, pythonMissing())) return
  const python = pythonWithServers()
  const page = 'http://localhost:3000'
  const env = { PAGE_ORIGINS: page, PYTHONUNBUFFERED: '1' }
  const [fastapi, django] = await Promise.all([
    startProcess(python, [path.join(SERVERS, 'fastapi_cookies.py')], { env }),
    startProcess(python, [path.join(SERVERS, 'django_sessions.py')], { env }),
  ])
  t.after(() => Promise.all([fastapi.stop(), django.stop()]))
  const portOf = (server) => new URL(server.url).port
  // The page is on localhost: the API as localhost is same-site, as 127.0.0.1 cross-site.
  const asLocalhost = (server) => `http://localhost:${portOf(server)}`
  const run = (url, extra = {}) => {
    const port = new URL(url).port
    return check(url, { origin: page, credentials: true, probes: false, resolve: [`localhost:${port}:127.0.0.1`], ...extra })
  }
  const states = (cookie) => Object.fromEntries(Object.entries(cookie.engines).map(([engine, v]) => [engine, [v.stored, v.sent]]))

  // Starlette's set_cookie defaults to SameSite=lax: fine same-site, refused cross-site.
  const lax = (await run(`${asLocalhost(fastapi)}/default/login`)).cookies[0]
  assert.equal(lax.name, 'session')
  assert.equal(lax.attributes.sameSite, 'Lax')
  assert.equal(lax.attributes.path, '/')
  assert.deepEqual(Object.values(states(lax)), [[true, true], [true, true], [true, true], [true, true]])
  const laxCross = await run(`${fastapi.url}/default/login`)
  assert.deepEqual(Object.values(states(laxCross.cookies[0])), [[false, false], [false, false], [false, false], [false, false]])
  assert.equal(laxCross.cookies[0].engines.chromium.reason, 'SameSiteLax')
  assert.equal(laxCross.cookies[0].engines.firefox.reason, 'Cookie “session” has been rejected because it is in a cross-site context and its “SameSite” is “Lax” or “Strict”.')
  assert.ok(laxCross.problems.some((p) => p.code === 'cross-site-cookies'))
  // Secure on http://localhost: Chromium and Firefox count loopback as secure, WebKit does not.
  const secure = (await run(`${asLocalhost(fastapi)}/none/login`)).cookies[0]
  assert.deepEqual(states(secure), { chromium: [true, true], chromiumThirdPartyAllowed: [true, true], firefox: [true, true], webkit: [false, false] })
  assert.match(secure.engines.webkit.fix, /https/)
  // delete_cookie: Max-Age=0 deletes.
  const deleted = (await run(`${asLocalhost(fastapi)}/logout`)).cookies[0]
  assert.equal(deleted.attributes.maxAge, 0)
  assert.match(deleted.engines.firefox.reason, /^Max-Age=0 or a past Expires: the server deletes the cookie/)
  // Without credentials nothing is stored, and check says what the fetch needs.
  const plain = await run(`${asLocalhost(fastapi)}/default/login`, { credentials: false })
  assert.ok(plain.problems.some((p) => p.code === 'cookies-need-credentials' && /credentials: 'include'/.test(p.message)))

  // Django's session cookie: HttpOnly, SameSite=Lax, two weeks.
  const session = (await run(`${asLocalhost(django)}/login`)).cookies[0]
  assert.equal(session.name, 'sessionid')
  assert.deepEqual([session.attributes.httpOnly, session.attributes.sameSite, session.attributes.maxAge], [true, 'Lax', 1_209_600])
  assert.ok(Date.parse(session.attributes.expires) > Date.now())
  assert.deepEqual(Object.values(states(session)), [[true, true], [true, true], [true, true], [true, true]])
  const cross = (await run(`${django.url}/login`)).cookies[0]
  assert.deepEqual(Object.values(states(cross)), [[false, false], [false, false], [false, false], [false, false]])
  // A cookie the browser holds from a first-party visit to 127.0.0.1, asked about from localhost.
  const held = await run(`${django.url}/login`, { cookies: ['sessionid=x; SameSite=None; Secure'] })
  assert.equal(held.cookies[0].setBy, null)
  assert.deepEqual(states(held.cookies[0]), { chromium: [true, false], chromiumThirdPartyAllowed: [true, true], firefox: [true, false], webkit: [false, false] })
})

test('hostile Set-Cookie headers: at most 64 judged, nothing raw reaches the terminal', async (t) => {
  // Node's parser refuses C0 controls in a header; C1 ones (\x9b is a CSI) and the bytes of
  // U+202E (right-to-left override) get through.
  const evil = ['\x9b2J\x9b31mPWNED=1; Secure', '\xe2\x80\xaeevil=1', '=; Path=/']
  const cookies = [`big=${'v'.repeat(5000)}`, ...Array.from({ length: 300 }, (_, i) => `${evil[i % evil.length]}${i}`)]
  const headers = cookies.map((cookie) => `Set-Cookie: ${cookie}\r\n`).join('')
  const server = net.createServer((socket) => {
    socket.on('error', () => {})
    socket.once('data', () => socket.end(Buffer.from(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: http://localhost:3000\r\nAccess-Control-Allow-Credentials: true\r\n${headers}Content-Length: 0\r\n\r\n`, 'latin1')))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => server.close())
  const result = await check(`http://127.0.0.1:${server.address().port}/`, { origin: 'http://localhost:3000', credentials: true, probes: false })
  assert.equal(result.cookies.length, 64)
  const big = result.cookies.find((cookie) => cookie.name === 'big')
  assert.equal(big.engines.chromium.reason, 'NameValuePairExceedsMaxSize')
  assert.equal(big.engines.firefox.reason, 'Cookie “big” is invalid because its size is too big. Max size is 4096 B.')
  assert.ok(result.cookies.some((cookie) => cookie.attributes === null && cookie.engines.chromium.reason === 'NoCookieContent'))
  assert.doesNotMatch(describe(result), /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/)
})

test('check refuses malformed --cookie and --resolve values, naming the option and the fix', async () => {
  const { UsageError } = require('../../lib/check')
  const origin = 'https://app.example.com'
  await assert.rejects(check('https://api.example.com/', { origin, cookies: ['no-equals-sign'] }), (error) => error instanceof UsageError && /--cookie "no-equals-sign" must look like/.test(error.message))
  await assert.rejects(check('https://api.example.com/', { origin, resolve: ['api.example.com:443'] }), (error) => error instanceof UsageError && /--resolve "api.example.com:443" must be host:port:address/.test(error.message))
  await assert.rejects(check('https://api.example.com/', { origin, resolve: ['api.example.com:443:not-an-ip'] }), UsageError)
  await assert.rejects(check('https://api.example.com/', { origin, cookies: Array(65).fill('a=1') }), /at most 64/)
})
