'use strict'
// The browser model (lib/browser/model.js) must predict what each engine really did, and for
// scenarios marked `compareConsole`, the very line Chromium and Firefox print.
const { predict } = require('../../lib/browser/model')

const CONSOLE_COMPARED = new Set(['chromium', 'firefox'])

/** Each fetch whose real outcome the model did not predict, with both, for the failure message. */
function disagreements(engine, records) {
  const found = []
  for (const record of records) {
    const verdict = predict(record.exchange).engines[engine]
    if (verdict.allowed === record.outcome.allowed) {
      const lineMissing = record.compareConsole && CONSOLE_COMPARED.has(engine) && !verdict.allowed && !record.outcome.console.some((line) => line.includes(verdict.console))
      if (lineMissing) found.push(`${record.scenario} [${record.target}] in ${engine}: the model's console line ${JSON.stringify(verdict.console)} is not among ${JSON.stringify(record.outcome.console)}`)
      continue
    }
    const which = record.fetch > 1 ? ` (fetch ${record.fetch})` : ''
    found.push(`${record.scenario}${which} [${record.target}] in ${engine}: the browser ${record.outcome.allowed ? 'allowed' : 'blocked'} it, ` +
      `the model says ${verdict.allowed ? 'allowed' : `blocked at ${verdict.step} (${verdict.failure})`}\n` +
      `  exchange: ${JSON.stringify(record.exchange)}\n  console: ${JSON.stringify(record.outcome.console)}`)
  }
  return found
}

module.exports = { disagreements }
