'use strict'
// Cookies after CORS says yes, in real browsers: each scenario's fetch runs in Chromium (third-
// party cookies blocked, as shipped, and allowed), Firefox ESR and WebKitGTK, and what the
// browser stored and sent back must be what the cookie model (src/cookie/) predicts; Firefox's
// cookie console lines must be the model's, exactly. Each browser is launched once for the file.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const { cookieReport } = require('../../lib/browser/model')
const { makeCertificate, opensslMissing } = require('../support/certificate')
const { startServers } = require('./cookies/server')
const { SCENARIOS, origins, header } = require('./cookies/scenarios')
const { CONFIGURATIONS } = require('./cookies/engines')

function missing(configuration) {
  for (const file of [configuration.executable, ...(configuration.requires ?? []).map(([f]) => f)]) {
    if (!fs.existsSync(file)) return `${configuration.name}: ${file} is missing (apt-get install ${configuration.debianPackage})`
  }
  return null
}

/** What the model says for one scenario. */
function predict(scenario, index, where) {
  const api = where[scenario.api]
  const cookie = header(scenario, index)
  const url = scenario.held !== undefined ? `${api}/echo` : `${api}/set?h=${encodeURIComponent(cookie)}`
  const exchange = {
    request: { url, origin: where[scenario.page], credentials: scenario.mode },
    responses: [{ url, status: 200, headers: scenario.held !== undefined ? [] : [['Set-Cookie', cookie]] }],
  }
  const [report] = cookieReport(exchange, scenario.held !== undefined ? [cookie] : [])
  return report
}

/** What the browser did in one scenario: stored (seen on any later request) and sent. */
async function observe(tab, scenario, index, where) {
  const api = where[scenario.api]
  const cookie = header(scenario, index)
  const name = cookie.split('=')[0]
  if (scenario.held !== undefined) await tab.visit(`${api}/__visit?set=${encodeURIComponent(cookie)}`)
  await tab.visit(`${where[scenario.page]}/__page`)
  tab.takeConsole()
  const { sent, later } = await tab.run({ api, set: scenario.held === undefined ? cookie : undefined, mode: scenario.mode })
  // A first-party request shows a cookie the page's requests did not get.
  const seen = [...sent, ...later].includes(name) || (await tab.probe(`${api}/__page`)).includes(name)
  return { stored: seen, sent: sent.includes(name), console: tab.takeConsole() }
}

test('each engine stores and sends cookies as the cookie model predicts', { timeout: 600_000 }, async (t) => {
  const noOpenssl = opensslMissing()
  if (noOpenssl) {
    if (process.env.CI === 'true') assert.fail(noOpenssl)
    return t.skip(noOpenssl)
  }
  const certificate = makeCertificate()
  t.after(() => fs.rmSync(certificate.dir, { recursive: true, force: true }))
  const servers = await startServers(certificate)
  t.after(() => servers.close())
  const where = origins(servers.ports)
  const predictions = SCENARIOS.map((scenario, index) => predict(scenario, index, where))

  const present = CONFIGURATIONS.filter((configuration) => {
    const absent = missing(configuration)
    if (!absent) return true
    if (process.env.CI === 'true') assert.fail(absent)
    process.stderr.write(`\n*** SKIPPED ${absent} ***\n\n`)
    t.diagnostic(`SKIPPED ${absent}`)
    return false
  })
  // The engines run side by side, each on its own browser.
  const wrong = await Promise.all(present.map(async (configuration) => {
    const tab = await configuration.launch()
    t.after(() => tab.close())
    const differences = []
    for (const [index, scenario] of SCENARIOS.entries()) {
      const model = predictions[index].engines[configuration.name]
      const real = await observe(tab, scenario, index, where)
      const lines = configuration.name === 'firefox' && !model.stored && scenario.held === undefined && /^Cookie /.test(model.reason ?? '') ? [model.reason] : []
      const expected = { stored: model.stored, sent: model.sent, console: lines }
      if (JSON.stringify(real) !== JSON.stringify(expected)) differences.push({ engine: configuration.name, scenario: scenario.id, cookie: header(scenario, index), real, expected, reason: model.reason })
    }
    return differences
  }))
  assert.deepEqual(wrong.flat(), [])
  assert.ok(present.length > 0, 'no browser to run')
})
