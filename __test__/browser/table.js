'use strict'
// The per-engine table the test prints: one row per scenario, one column per target.

function cell({ verdict, status, preflights, failed }) {
  const hits = preflights ? `, ${preflights} OPTIONS` : ''
  return `${verdict}${status ? ` ${status}` : ''}${hits}${failed ? ' ✗' : ''}`
}

function engineTable(engine, targets, rows) {
  const lines = [
    `| ${engine}: scenario | expected | ${targets.map((target) => target.name).join(' | ')} |`,
    `|---|---|${targets.map(() => '---|').join('')}`,
  ]
  for (const { scenario, expected, cells } of rows) lines.push(`| ${scenario} | ${expected} | ${cells.map(cell).join(' | ')} |`)
  return lines
}

module.exports = { engineTable }
