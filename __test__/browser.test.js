'use strict'
// Browser conformance: real headless Chromium (Debian's chromium, driven by playwright-core)
// loads a page from one origin and fetch()es an API on another, both on loopback, guarded by
// cors-native and, for comparison, by cors@2.8.6. The page reports whether each fetch
// succeeded and what it could read; that verdict must be the one the scenario expects.
const test = require('node:test')
const assert = require('node:assert/strict')
const { chromium } = require('playwright-core')
const { scenarios } = require('./browser/scenarios')
const { startPageServer, startApiServer } = require('./browser/servers')

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

function fetchInPage({ url, init, reads, repeat }) {
  return (async () => {
    let result
    for (let i = 0; i < repeat; i++) {
      try {
        const response = await fetch(url, init)
        const text = await response.text()
        result = { verdict: 'ok', status: response.status, text, read: Object.fromEntries(reads.map((name) => [name, response.headers.get(name)])) }
      } catch (error) {
        return { verdict: 'blocked', error: String(error) }
      }
    }
    return result
  })()
}

test('Chromium reaches the verdict each scenario expects', { timeout: 180_000 }, async (t) => {
  t.mock.method(process, 'emitWarning', () => {}) // scenarios include deliberate mistakes
  const pages = await startPageServer()
  const api = await startApiServer(scenarios, pages.origin)
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  t.after(async () => { await browser.close(); api.close(); pages.close() })
  const context = await browser.newContext()
  await context.addCookies([{ name: 'session', value: 'abc', domain: 'localhost', path: '/' }])
  const page = await context.newPage()
  await page.goto(`${pages.origin}/`)
  const sandboxedPage = await context.newPage()
  await sandboxedPage.goto(`${pages.origin}/sandboxed`)
  const sandboxedFrame = sandboxedPage.frame({ name: 'sandboxed' })

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
