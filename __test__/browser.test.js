'use strict'
// Browser conformance: real headless Chromium (Debian's chromium, driven by playwright-core)
// loads a page from one origin and fetch()es an API on another, both on loopback, guarded by
// cors-native and, for comparison, by cors@2.8.6. The page reports whether each fetch
// succeeded and what it could read; that verdict must be the one the scenario expects.
const test = require('node:test')
const assert = require('node:assert/strict')
const { scenarios } = require('./browser/scenarios')
const { startPageServer, startApiServer } = require('./browser/servers')
const { launchChromium, fetchInPage } = require('./browser/chromium')

test('Chromium reaches the verdict each scenario expects', { timeout: 180_000 }, async (t) => {
  t.mock.method(process, 'emitWarning', () => {}) // scenarios include deliberate mistakes
  const pages = await startPageServer()
  const api = await startApiServer(scenarios, pages.origin)
  const browser = await launchChromium()
  t.after(async () => { await browser.close(); api.close(); pages.close() })
  const context = await browser.newContext()
  await context.addCookies([{ name: 'session', value: 'abc', domain: 'localhost', path: '/' }])
  const page = await context.newPage()
  await page.goto(`${pages.origin}/`)
  const sandboxedPage = await context.newPage()
  await sandboxedPage.goto(`${pages.origin}/sandboxed`)
  const sandboxedFrame = await (await sandboxedPage.waitForSelector('iframe[name=sandboxed]')).contentFrame()
  await sandboxedFrame.waitForLoadState()

  const rows = ['| scenario | expected | cors-native | cors |', '|---|---|---|---|']
  const failures = []
  for (const [index, scenario] of scenarios.entries()) {
    const verdicts = {}
    for (const impl of ['native', 'cors']) {
      const where = scenario.frame === 'sandboxed' ? sandboxedFrame : page
      const result = await where.evaluate(fetchInPage, {
        url: `${api.base}/${impl}/${index}`,
        init: scenario.init,
        reads: Object.keys(scenario.reads ?? {}),
        repeat: scenario.repeat ?? 1,
      })
      verdicts[impl] = result
      const expected = impl === 'native' && scenario.native ? scenario.native.expect : scenario.expect
      const label = `${scenario.name} [${impl}]`
      if (result.verdict !== expected) failures.push(`${label}: expected ${expected}, got ${result.verdict} ${result.error ?? ''}`)
      if (result.verdict === 'ok') {
        if (scenario.status && result.status !== scenario.status) failures.push(`${label}: status ${result.status}`)
        for (const [name, value] of Object.entries(scenario.reads ?? {})) {
          if (result.read[name] !== value) failures.push(`${label}: read ${name} = ${result.read[name]}`)
        }
        if (scenario.cookie && JSON.parse(result.text).cookie !== 'session=abc') failures.push(`${label}: the cookie was not sent`)
      }
      if (scenario.optionsHits !== undefined && api.optionsHits.get(`${impl}/${index}`) !== scenario.optionsHits) {
        failures.push(`${label}: ${api.optionsHits.get(`${impl}/${index}`)} preflights reached the server, expected ${scenario.optionsHits}`)
      }
    }
    const show = (impl) => verdicts[impl].verdict + (verdicts[impl].status ? ` (${verdicts[impl].status})` : '')
    rows.push(`| ${scenario.name} | ${scenario.native ? `${scenario.expect} (cors) / ${scenario.native.expect} (cors-native)` : scenario.expect} | ${show('native')} | ${show('cors')} |`)
    if (verdicts.native.verdict !== verdicts.cors.verdict) t.diagnostic(`differs: ${scenario.name}: ${scenario.native?.why ?? 'unexplained'}`)
  }
  for (const row of rows) t.diagnostic(row)
  assert.ok(scenarios.length >= 30)
  assert.deepEqual(failures, [])
})
