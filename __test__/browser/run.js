'use strict'
// One scenario in one engine against one target: the page's fetch, the recorded exchange, the
// checks, and the table cell.
const { pathOf } = require('./routes')
const { buildExchange, isPreflight } = require('./exchange')
const { checkRun } = require('./checks')

async function runScenario({ page, engine, target, recorder, pageOrigin }, scenario, index) {
  const url = recorder.env.api + pathOf(index, scenario)
  recorder.log.length = 0
  const result = await page.run({ url, init: scenario.init, then: scenario.then, reads: Object.keys(scenario.reads ?? {}), repeat: scenario.repeat ?? 1, frame: scenario.frame })
  const log = recorder.log.slice()
  const failures = checkRun({ scenario, target, engine: engine.name, result, log })
  const record = {
    scenario: scenario.name,
    target: target.name,
    engine: engine.name,
    fetches: scenario.repeat ?? 1, // above 1, the exchange is the first fetch's; the outcome is blocked if any was
    exchange: buildExchange({ url, init: scenario.init, origin: scenario.frame === 'sandboxed' ? 'null' : pageOrigin }, log),
    outcome: { allowed: result.verdict === 'ok', console: [] }, // filled in once the engine is done
  }
  const cell = { ...result, preflights: log.filter(isPreflight).length, failed: failures.length > 0 }
  return { failures, record, cell, urlPath: pathOf(index, scenario) }
}

module.exports = { runScenario }
