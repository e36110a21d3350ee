'use strict'
// One scenario in one engine against one target: the page's fetches, each one's recorded
// exchange and outcome, the checks, and the table cell.
const { pathOf } = require('./routes')
const { buildExchanges, isPreflight } = require('./exchange')
const { checkRun } = require('./checks')

async function runScenario({ page, engine, target, recorder, pageOrigin }, scenario, index) {
  const url = recorder.env.api + pathOf(index, scenario)
  recorder.log.length = 0
  const result = await page.run({ url, init: scenario.init, then: scenario.then, reads: Object.keys(scenario.reads ?? {}), repeat: scenario.repeat ?? 1, frame: scenario.frame })
  const log = recorder.log.slice()
  const failures = checkRun({ scenario, target, engine: engine.name, result, log })
  const origin = scenario.frame === 'sandboxed' ? 'null' : pageOrigin
  // One record per fetch the page made (it stops at the first blocked one).
  const exchanges = buildExchanges({ url, init: scenario.init, then: scenario.then, origin }, log, result.fetches.length)
  const records = exchanges.map((exchange, i) => ({
    scenario: scenario.name,
    target: target.name,
    engine: engine.name,
    fetch: i + 1,
    compareConsole: scenario.compareConsole === true,
    exchange,
    outcome: { allowed: result.fetches[i] === 'ok', console: [] }, // the run's lines, once the engine is done
  }))
  const cell = { ...result, preflights: log.filter(isPreflight).length, failed: failures.length > 0 }
  return { failures, records, cell, urlPath: pathOf(index, scenario) }
}

module.exports = { runScenario }
