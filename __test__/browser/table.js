'use strict'
// The per-engine table the test prints: one row per scenario, one column per target.

function cell(run) {
  const hits = run.preflights ? `, ${run.preflights} OPTIONS` : ''
  return `${run.verdict}${run.status ? ` ${run.status}` : ''}${hits}${run.failed ? ' ✗' : ''}`
}

function engineTable(engine, targets, rows) {
  const lines = [
    `| ${engine}: scenario | expected | ${targets.map((target) => target.name).join(' | ')} |`,
    `|---|---|${targets.map(() => '---|').join('')}`,
  ]
  for (const { scenario, expected, runs } of rows) lines.push(`| ${scenario} | ${expected} | ${runs.map(cell).join(' | ')} |`)
  return lines
}

module.exports = { engineTable }
