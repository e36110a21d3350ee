'use strict'
// After `cargo bench`, writes criterion's medians for the Rust core into BENCHMARKS.md.
const fs = require('node:fs')
const path = require('node:path')
const { writeSection } = require('./report')

const root = path.join(__dirname, '..', 'target', 'criterion')

function* benchmarks(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const full = path.join(dir, entry.name)
    const estimates = path.join(full, 'new', 'estimates.json')
    if (fs.existsSync(estimates)) {
      const { full_id: id } = JSON.parse(fs.readFileSync(path.join(full, 'new', 'benchmark.json'), 'utf8'))
      yield [id, JSON.parse(fs.readFileSync(estimates, 'utf8')).median.point_estimate]
    } else if (entry.name !== 'report') {
      yield* benchmarks(full)
    }
  }
}

function show(ns) {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} us` : `${ns.toFixed(1)} ns`
}

const rows = [...benchmarks(root)].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
const report = [
  '## Rust core alone (criterion)',
  '',
  '- Command: `npm run bench:rust` (`cargo bench --no-default-features --bench decision`: the',
  '  decision paths of `OriginList` with no Node-API in between)',
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| benchmark | median |',
  '|---|--:|',
  ...rows.map(([id, ns]) => `| ${id} | ${show(ns)} |`),
].join('\n')
console.log(report)
writeSection('criterion', report)
