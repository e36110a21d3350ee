'use strict'
// `why` reads the lines real browsers print: Chromium and Firefox (launched once each, by
// the conformance suite's machinery) fetch, from a page on http://localhost, every failing
// path of one API on 127.0.0.1; each console line naming the path must read as the failure
// and step the path causes, with its URL and origin. WebKitWebDriver exposes no console,
// so WebKit's lines are only read from the model's own texts (cargo test). Then the CLI
// explains one line end to end, checking the same server.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { execFile } = require('node:child_process')
const { ENGINES, launchFor } = require('../browser/engines')
const { startPageServer } = require('../browser/servers')
const { why } = require('../../lib/why/line')
const { FAILURES, startFailingApi } = require('./failing-api')

const CLI = path.join(__dirname, '../../bin/cors-native.js')

/** The lines that name `url` the way each engine quotes it. */
const linesNaming = (lines, url) => lines.filter((line) => line.includes(`'${url}'`) || line.includes(`at ${url}. `) || line.includes(`‘${url}’`))

const cli = (args) => new Promise((resolve) => {
  execFile(process.execPath, [CLI, 'why', ...args], { timeout: 30_000 }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }))
})

test('why reads every failing line of real Chromium and Firefox', { timeout: 120_000 }, async (t) => {
  const pages = await startPageServer()
  t.after(pages.close)
  const api = await startFailingApi()
  t.after(api.close)

  const seen = {}
  for (const engine of ENGINES.filter((e) => e.name !== 'webkit')) {
    await t.test(engine.name, async (t) => {
      const session = await launchFor(t, engine)
      if (!session) return
      const page = await session.open(`${pages.origin}/`)
      for (const [route, { init }] of Object.entries(FAILURES)) {
        const result = await page.run({ url: api.base + route, init })
        assert.equal(result.verdict, 'blocked', `${engine.name} fetched ${route}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 500)) // Firefox reports after fetch() rejects
      const lines = page.takeConsole()
      for (const [route, expected] of Object.entries(FAILURES)) {
        if (expected.only && expected.only !== engine.name) continue
        const url = api.base + (expected.target ?? route)
        const [line] = expected.failure === 'too-many-redirects' ? lines.filter((l) => l.includes('ERR_TOO_MANY_REDIRECTS')) : linesNaming(lines, url)
        assert.ok(line, `${engine.name}: no console line names ${url} among ${JSON.stringify(lines)}`)
        const reading = await why(line, { check: false })
        const where = `${engine.name} ${route}: ${line}`
        assert.equal(reading.engine, engine.name, where)
        const failure = expected[engine.name] ?? expected.failure
        assert.ok([reading.failure, ...reading.alternatives].includes(failure), `${where}: read as ${reading.failure} (or ${reading.alternatives})`)
        if (reading.step !== null || engine.name === 'chromium') assert.equal(reading.step, expected.step, where)
        if (expected.failure === 'too-many-redirects') assert.equal(reading.url, null, where)
        else if (expected.failure !== 'redirect-scheme' || engine.name === 'firefox') assert.equal(reading.url, url, where)
        if (engine.name === 'chromium' && reading.url !== null) {
          assert.equal(reading.origin, pages.origin, where)
          if (expected.target || expected.failure === 'redirect-scheme') assert.equal(reading.redirectedFrom, api.base + route, where)
        }
        seen[`${engine.name} ${expected.failure}`] = true
      }
    })
  }
  t.diagnostic(`lines read: ${Object.keys(seen).length} engine x failure pairs`)

  await t.test('the CLI explains a line and checks the server it names', async () => {
    const line = `Access to fetch at '${api.base}/method' from origin '${pages.origin}' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.`
    const { code, stdout } = await cli([line, '--json'])
    const result = JSON.parse(stdout)
    assert.equal(result.failure, 'method-not-allowed')
    assert.equal(result.step, 'preflight')
    assert.match(result.fix, /Add PUT to Access-Control-Allow-Methods/)
    // The check sent the line's method and still sees every engine block it at the preflight.
    assert.equal(result.check.method, 'PUT')
    assert.equal(result.check.engines.chromium.failure, 'method-not-allowed')
    assert.equal(code, 1)
    const text = await cli([line])
    assert.match(text.stdout, /^Chromium blocked the fetch of http:\/\/127\.0\.0\.1:\d+\/method from origin http:\/\/localhost:\d+\./)
    assert.match(text.stdout, /Chromium: BLOCKED at the preflight/)
  })

  await t.test('a server that does not answer is reported, not fatal', async () => {
    const closed = `${api.base.replace(/:\d+$/, ':1')}/x`
    const { code, stdout } = await cli([`Access to fetch at '${closed}' from origin '${pages.origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`])
    assert.equal(code, 0)
    assert.match(stdout, /not checked: network error: /)
  })
})
