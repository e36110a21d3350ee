'use strict'
// The browser model (lib/browser/model.js) must predict what each engine really did.
const { predict } = require('../../lib/browser/model')

/** Each fetch whose real outcome the model did not predict, with both, for the failure message. */
function disagreements(engine, records) {
  const found = []
  for (const record of records) {
    const verdict = predict(record.exchange).engines[engine]
    if (verdict.allowed === record.outcome.allowed) continue
    const which = record.fetch > 1 ? ` (fetch ${record.fetch})` : ''
    found.push(`${record.scenario}${which} [${record.target}] in ${engine}: the browser ${record.outcome.allowed ? 'allowed' : 'blocked'} it, ` +
      `the model says ${verdict.allowed ? 'allowed' : `blocked at ${verdict.step} (${verdict.failure})`}\n` +
      `  exchange: ${JSON.stringify(record.exchange)}\n  console: ${JSON.stringify(record.outcome.console)}`)
  }
  return found
}

module.exports = { disagreements }
