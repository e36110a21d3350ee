'use strict'
// Local Network Access and mixed content in real Chromium and Firefox, against the model's
// verdicts through check(). Every server listens on 127.0.0.1; the address spaces are declared
// per port (Chromium's --ip-address-space-overrides, Firefox's network.lna.* preferences), so no
// private address is ever contacted. lan.test is never resolved: mixed content is refused first.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const https = require('node:https')
const { chromium: playwright } = require('playwright-core')
const puppeteer = require('puppeteer-core')
const { ENGINES, launchFor } = require('../browser/engines')
const { selfSignedCertificate } = require('../browser/servers')
const { check } = require('../../lib/check')

// runScenario is how the WebKit driver runs a fetch (WebKitWebDriver has no evaluate).
const PAGE = `<!doctype html><title>lna</title><script>
window.runScenario = async ({ url }) => {
  try {
    const response = await fetch(url)
    return { allowed: true, body: await response.text() }
  } catch (error) {
    return { allowed: false, error: String(error) }
  }
}
</script>`

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))
}

/** The page servers (https and http) and two API servers, each counting what reached it. */
async function startServers() {
  const reached = { loopback: 0, local: 0 }
  const api = (name) => (req, res) => {
    reached[name]++
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.end('ok')
  }
  const page = (req, res) => {
    res.setHeader('Content-Type', 'text/html')
    res.end(PAGE)
  }
  const servers = [https.createServer(selfSignedCertificate(), page), http.createServer(page), http.createServer(api('loopback')), http.createServer(api('local'))]
  const [securePage, insecurePage, loopback, local] = await Promise.all(servers.map(listen))
  // The browsers keep their connections open: end them with the servers.
  const close = () => Promise.all(servers.map((s) => new Promise((resolve) => {
    s.close(resolve)
    s.closeAllConnections()
  })))
  return { ports: { securePage, insecurePage, loopback, local }, reached, close }
}

let servers
test.before(async () => {
  servers = await startServers()
})
test.after(() => servers.close())

/** One fetch from the page; a fetch that waits on a prompt is not run (see the Firefox test). */
async function fetchFrom(page, url, targetAddressSpace) {
  return page.evaluate(async ({ url, targetAddressSpace }) => {
    try {
      const response = await fetch(url, targetAddressSpace ? { targetAddressSpace } : {})
      return { allowed: true, body: await response.text() }
    } catch (error) {
      return { allowed: false, error: String(error) }
    }
  }, { url, targetAddressSpace })
}

/** The model's verdict for `engine`, through check() (which sends only what the model lets through). */
async function modelled(engine, scenario) {
  const result = await check(scenario.url, {
    origin: scenario.origin,
    pageAddressSpace: 'public',
    serverAddressSpace: scenario.space,
    targetAddressSpace: scenario.target,
    permissions: scenario.permissions,
    probes: false,
    timeout: 5_000,
  })
  return result.engines[engine]
}

// Bounds the wait for a console line that never comes (the assertion after it then fails).
const LINE_WAIT_MS = 5_000

/** The page's console lines, and a wait for one of them (Firefox reports an error after the fetch rejects). */
function consoleOf(page, events) {
  const lines = []
  const waiting = new Set()
  const add = (line) => {
    lines.push(line)
    for (const waiter of waiting) waiter(line)
  }
  for (const [event, text] of events) page.on(event, (value) => add(text(value)))
  const waitFor = (expected) => new Promise((resolve) => {
    if (lines.includes(expected)) return resolve()
    const done = () => {
      clearTimeout(timer)
      waiting.delete(waiter)
      resolve()
    }
    const waiter = (line) => line === expected && done()
    const timer = setTimeout(done, LINE_WAIT_MS)
    waiting.add(waiter)
  })
  return { lines, waitFor }
}

const lineOf = (lines, verdict) => lines.find((line) => line === verdict.console) ?? lines.join(' | ')

function table(t, rows) {
  t.diagnostic('scenario | real | model')
  for (const row of rows) t.diagnostic(`${row.name} | ${row.real} | ${row.model}`)
}

test('Chromium: Local Network Access and mixed content as the model predicts', async (t) => {
  const { ports } = servers
  const overrides = `127.0.0.1:${ports.securePage}=public,127.0.0.1:${ports.insecurePage}=public,127.0.0.1:${ports.local}=local`
  const engine = {
    ...ENGINES.find((e) => e.name === 'chromium'),
    async launch({ executable, timeoutMs }) {
      const browser = await playwright.launch({
        executablePath: executable,
        timeout: timeoutMs,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--ignore-certificate-errors', `--ip-address-space-overrides=${overrides}`, '--host-resolver-rules=MAP app.test 127.0.0.1'],
      })
      return { browser, close: () => browser.close() }
    },
  }
  const session = await launchFor(t, engine)
  if (!session) return
  const context = await session.browser.newContext({ ignoreHTTPSErrors: true })
  const cdp = await session.browser.newBrowserCDPSession()
  const secure = `https://127.0.0.1:${ports.securePage}`
  const insecure = `http://app.test:${ports.insecurePage}`
  const loopbackUrl = `http://127.0.0.1:${ports.loopback}/x`
  const localUrl = `http://127.0.0.1:${ports.local}/x`
  const scenarios = [
    { name: 'public https page -> loopback, permission unset', origin: secure, url: loopbackUrl, space: 'loopback', permissions: {}, real: 'refused', prompt: true },
    { name: 'public https page -> loopback, denied', origin: secure, url: loopbackUrl, space: 'loopback', permissions: { 'loopback-network': 'denied' }, real: 'refused' },
    { name: 'public https page -> loopback, granted', origin: secure, url: loopbackUrl, space: 'loopback', permissions: { 'loopback-network': 'granted' }, real: 'allowed' },
    { name: 'public https page -> local, local-network granted', origin: secure, url: localUrl, space: 'local', permissions: { 'local-network': 'granted' }, real: 'allowed' },
    { name: 'public https page -> local, only loopback-network granted', origin: secure, url: localUrl, space: 'local', permissions: { 'loopback-network': 'granted' }, real: 'refused', prompt: true },
    { name: 'public https page -> loopback, granted, targetAddressSpace local', origin: secure, url: loopbackUrl, space: 'loopback', target: 'local', permissions: { 'loopback-network': 'granted' }, real: 'refused' },
    // Chromium refuses to grant the permission to a page that is not a secure context.
    { name: 'public http page -> loopback', origin: insecure, url: loopbackUrl, space: 'loopback', permissions: {}, real: 'refused' },
    { name: 'https page -> http://lan.test (mixed content)', origin: secure, url: `http://lan.test:${ports.local}/x`, space: 'local', permissions: { 'local-network': 'granted' }, real: 'refused' },
  ]
  const rows = []
  for (const scenario of scenarios) {
    const page = await context.newPage()
    const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo')
    for (const name of ['loopback-network', 'local-network'].filter(() => scenario.origin !== insecure)) {
      await cdp.send('Browser.setPermission', { origin: scenario.origin, permission: { name }, setting: scenario.permissions[name] ?? 'prompt', browserContextId: targetInfo.browserContextId })
    }
    const { lines, waitFor } = consoleOf(page, [['console', (message) => message.text()]])
    await page.goto(`${scenario.origin}/`)
    const real = await fetchFrom(page, scenario.url, scenario.target)
    const verdict = await modelled('chromium', scenario)
    // Headless Chromium answers an unasked prompt as a refusal: the line is the model's for denied.
    const refusal = scenario.prompt
      ? await modelled('chromium', { ...scenario, permissions: { 'loopback-network': 'denied', 'local-network': 'denied' } })
      : verdict
    if (!real.allowed && refusal.console) await waitFor(refusal.console)
    await page.close()
    rows.push({ name: scenario.name, real: real.allowed ? 'allowed' : `refused: ${lineOf(lines, refusal)}`, model: scenario.prompt ? `prompt; if refused: ${refusal.failure}` : verdict.allowed ? 'allowed' : `${verdict.failure}: ${verdict.console}` })
    assert.equal(real.allowed, scenario.real === 'allowed', `${scenario.name}: real ${JSON.stringify(real)}`)
    assert.equal(verdict.prompt, Boolean(scenario.prompt), scenario.name)
    if (scenario.prompt) {
      assert.equal(verdict.failure, null, scenario.name)
      assert.ok(lines.includes(refusal.console), `${scenario.name}: the model's line ${refusal.console} in ${JSON.stringify(lines)}`)
    } else if (real.allowed) {
      assert.equal(verdict.allowed, true, scenario.name)
    } else {
      assert.equal(verdict.allowed, false, scenario.name)
      assert.ok(lines.includes(verdict.console), `${scenario.name}: the model's line ${verdict.console} in ${JSON.stringify(lines)}`)
    }
  }
  table(t, rows)
})

test('Firefox: Local Network Access and mixed content as the model predicts', async (t) => {
  const { ports } = servers
  const engine = {
    ...ENGINES.find((e) => e.name === 'firefox'),
    async launch({ executable, timeoutMs }) {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: executable,
        headless: true,
        timeout: timeoutMs,
        acceptInsecureCerts: true,
        extraPrefsFirefox: {
          'network.lna.blocking': true,
          'network.lna.address_space.public.override': `127.0.0.1:${ports.securePage}`,
          'network.lna.address_space.private.override': `127.0.0.1:${ports.local}`,
        },
      })
      return { browser, close: () => browser.close() }
    },
  }
  const session = await launchFor(t, engine)
  if (!session) return
  const context = session.browser.defaultBrowserContext()
  const origin = `https://127.0.0.1:${ports.securePage}`
  const loopbackUrl = `http://127.0.0.1:${ports.loopback}/x`
  const localUrl = `http://127.0.0.1:${ports.local}/x`
  const scenarios = [
    // The fetch would wait on a prompt nobody answers: the page asks the permission's state instead.
    { name: 'public https page -> loopback, permission unset', url: loopbackUrl, space: 'loopback', permissions: {}, real: 'prompt' },
    { name: 'public https page -> loopback, denied', url: loopbackUrl, space: 'loopback', permissions: { 'loopback-network': 'denied' }, real: 'refused' },
    { name: 'public https page -> loopback, granted', url: loopbackUrl, space: 'loopback', permissions: { 'loopback-network': 'granted' }, real: 'allowed' },
    { name: 'public https page -> local, local-network granted', url: localUrl, space: 'local', permissions: { 'local-network': 'granted' }, real: 'allowed' },
    { name: 'public https page -> local, local-network denied', url: localUrl, space: 'local', permissions: { 'local-network': 'denied' }, real: 'refused' },
    { name: 'https page -> http://lan.test (mixed content)', url: `http://lan.test:${ports.local}/x`, space: 'local', permissions: { 'local-network': 'granted' }, real: 'refused' },
  ]
  const rows = []
  for (const scenario of scenarios) {
    for (const name of ['loopback-network', 'local-network']) {
      await context.setPermission(origin, { permission: { name }, state: scenario.permissions[name] ?? 'prompt' })
    }
    const page = await session.browser.newPage()
    // CORS errors come as script errors.
    const { lines, waitFor } = consoleOf(page, [['console', (message) => message.text()], ['pageerror', (error) => error.message]])
    await page.goto(`${origin}/`)
    const real = scenario.real === 'prompt'
      ? { state: await page.evaluate(() => navigator.permissions.query({ name: 'loopback-network' }).then((s) => s.state)) }
      : await fetchFrom(page, scenario.url)
    const verdict = await modelled('firefox', { ...scenario, origin })
    // The error line can come after the fetch settles; the page closes only once it is in.
    if (real.allowed === false && verdict.console) await waitFor(verdict.console)
    await page.close()
    rows.push({ name: scenario.name, real: real.state ? `asks the user (permission state ${real.state})` : real.allowed ? 'allowed' : `refused: ${lineOf(lines, verdict)}`, model: verdict.prompt ? 'prompt' : verdict.allowed ? 'allowed' : `${verdict.failure}: ${verdict.console}` })
    if (scenario.real === 'prompt') {
      assert.equal(real.state, 'prompt', scenario.name)
      assert.equal(verdict.prompt, true, scenario.name)
      assert.equal(verdict.failure, null, scenario.name)
      continue
    }
    assert.equal(verdict.prompt, false, scenario.name)
    assert.equal(real.allowed, scenario.real === 'allowed', `${scenario.name}: real ${JSON.stringify(real)}`)
    assert.equal(verdict.allowed, real.allowed, scenario.name)
    if (!real.allowed) assert.ok(lines.includes(verdict.console), `${scenario.name}: the model's line ${verdict.console} in ${JSON.stringify(lines)}`)
  }
  table(t, rows)
})

test('address spaces and permissions: a bad value is refused, naming the option, the value and the fix', async () => {
  const { UsageError } = require('../../lib/check')
  const { run } = require('../../lib/check/cli')
  const url = 'http://127.0.0.1:9/x'
  const origin = 'https://app.example.com'
  const refused = [
    [{ pageAddressSpace: 'private' }, /--page-address-space "private" must be public, local or loopback/],
    [{ serverAddressSpace: 'lan' }, /--server-address-space "lan" must be public, local or loopback/],
    [{ targetAddressSpace: 'intranet' }, /--target-address-space "intranet" must be public, local or loopback/],
    [{ permissions: { 'local-network-access': 'granted' } }, /"local-network-access" is not a permission; use loopback-network .* or local-network/],
    [{ permissions: ['loopback-network=yes'] }, /loopback-network="yes": the state must be granted, denied or prompt, e.g. loopback-network=granted/],
    [{ permissions: ['loopback-network'] }, /must look like loopback-network=granted/],
  ]
  for (const [options, message] of refused) {
    await assert.rejects(check(url, { origin, ...options }), (error) => error instanceof UsageError && message.test(error.message), JSON.stringify(options))
  }
  // The command line: repeatable --permission, exit 2 on a bad state, nothing sent.
  const out = []
  const err = []
  const code = await run([url, '--origin', origin, '--permission', 'loopback-network=granted', '--permission', 'local-network=maybe'], { write: (s) => out.push(s) }, { write: (s) => err.push(s) })
  assert.equal(code, 2)
  assert.match(err.join(''), /local-network="maybe": the state must be granted, denied or prompt/)
})

test('check --json: an engine refused before sending gets its failure and line, and nothing is sent for it', async () => {
  const { run } = require('../../lib/check/cli')
  const port = servers.ports.loopback
  const before = servers.reached.loopback
  const out = []
  // Chromium and Firefox refuse (permission denied); WebKit refuses the http URL as mixed content.
  const code = await run([`http://127.0.0.1:${port}/x`, '--origin', 'https://app.example.com', '--permission', 'loopback-network=denied', '--no-probes', '--json'], { write: (s) => out.push(s) }, { write: () => {} })
  const result = JSON.parse(out.join(''))
  assert.equal(code, 1)
  assert.equal(servers.reached.loopback, before)
  assert.deepEqual(result.addressSpaces, { page: 'public', server: 'loopback', target: null })
  assert.deepEqual(Object.fromEntries(Object.entries(result.engines).map(([name, v]) => [name, [v.failure, v.prompt]])), {
    chromium: ['local-network-access', false],
    firefox: ['local-network-access', false],
    webkit: ['mixed-content', false],
  })
  assert.match(result.engines.chromium.console, /Permission was denied for this request to access the `loopback` address space\.$/)
  // Left at prompt, the user will be asked: no failure, and the request goes out.
  out.length = 0
  await run([`http://127.0.0.1:${port}/x`, '--origin', 'https://app.example.com', '--no-probes', '--json'], { write: (s) => out.push(s) }, { write: () => {} })
  const asked = JSON.parse(out.join('')).engines.chromium
  assert.deepEqual([asked.allowed, asked.failure, asked.prompt], [true, null, true])
  assert.equal(servers.reached.loopback, before + 1)
})

test('WebKit: an https page\'s fetch of http://127.0.0.1 is mixed content, as the model predicts', async (t) => {
  const session = await launchFor(t, ENGINES.find((e) => e.name === 'webkit'))
  if (!session) return
  const { ports, reached } = servers
  const loopbackUrl = `http://127.0.0.1:${ports.loopback}/x`
  // WebKitWebDriver exposes no console: the verdict is compared, and what reached the server.
  const scenarios = [
    { name: 'https page -> http://127.0.0.1', origin: `https://127.0.0.1:${ports.securePage}`, real: 'refused' },
    { name: 'http page -> http://127.0.0.1', origin: `http://127.0.0.1:${ports.insecurePage}`, real: 'allowed' },
  ]
  const rows = []
  for (const scenario of scenarios) {
    const page = await session.open(`${scenario.origin}/`)
    const before = reached.loopback
    const real = await page.run({ url: loopbackUrl })
    const sent = reached.loopback - before
    const verdict = await modelled('webkit', { ...scenario, url: loopbackUrl, space: 'loopback', permissions: {} })
    rows.push({ name: scenario.name, real: real.allowed ? 'allowed' : `refused (${real.error}, nothing sent)`, model: verdict.allowed ? 'allowed' : `${verdict.failure}: ${verdict.console}` })
    assert.equal(real.allowed, scenario.real === 'allowed', `${scenario.name}: real ${JSON.stringify(real)}`)
    assert.equal(sent, real.allowed ? 1 : 0, scenario.name)
    assert.equal(verdict.allowed, real.allowed, scenario.name)
    assert.equal(verdict.failure, real.allowed ? null : 'mixed-content', scenario.name)
  }
  table(t, rows)
})

test('why: a pasted Local Network Access line is checked as the same refusal in Chromium', async () => {
  const { why } = require('../../lib/why/line')
  const url = `http://127.0.0.1:${servers.ports.loopback}/x`
  const prefix = `Access to fetch at '${url}' from origin 'https://app.example.com' has been blocked by CORS policy: `
  for (const [reason, failure] of [
    ['Permission was denied for this request to access the `loopback` address space.', 'local-network-access'],
    ['Request had a target IP address space of `local` yet the resource is in address space `loopback`.', 'address-space-mismatch'],
    ['The request client is not a secure context and the resource is in more-private address space `loopback`.', 'insecure-private-network'],
  ]) {
    const line = failure === 'insecure-private-network' ? prefix.replace('https://app', 'http://app') + reason : prefix + reason
    const result = await why(line)
    assert.equal(result.failure, failure)
    assert.equal(result.check.engines.chromium.failure, failure, line)
    assert.equal(result.check.engines.chromium.console, line)
  }
})
