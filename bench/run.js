'use strict'
// npm run bench: per-request cost of cors-native, cors@2.8.6 and the header-write floor on
// scenarios S1-S11, and of cors-native/fetch against hono/cors under Hono (H1-H9), in one
// process per run. Three runs, each in a fresh process; every figure is the median of the three
// runs' medians. Prints the tables and writes them to BENCHMARKS.md.
const os = require('os')
const path = require('path')
const { execFileSync } = require('child_process')
const { writeSection } = require('./report')

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)

/** One run: every scenario, as JSON on stdout. */
async function measure() {
  const cors = require('cors')
  const corsNative = require('..')
  const { compare } = require('./harness')
  const { scenarios, eleven } = require('./scenarios')
  const { compareNextWrap } = require('./next-wrap')
  const { compareHono } = require('./fetch-hono')
  const express = []
  for (const scenario of scenarios) {
    const result = await compare(
      { native: corsNative(scenario.options), cors: cors(scenario.options), floor: scenario.floor },
      scenario.request,
      { rounds: ROUNDS },
    )
    express.push({ id: scenario.id, name: scenario.name, ...result })
    console.error(`${scenario.id} done`)
  }
  const next = await compareNextWrap(eleven, { rounds: ROUNDS })
  express.push({ id: 'S11', name: 'Next.js cors.wrap around a trivial handler', native: next.native, floor: next.floor })
  const hono = await compareHono({ rounds: ROUNDS })
  process.stdout.write(JSON.stringify({ express, hono }))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The rows of the first run with every number replaced by its median over the runs. */
function medianRows(runs) {
  return runs[0].map((row, i) => {
    const merged = { ...row }
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'number') merged[key] = median(runs.map((run) => run[i][key]))
    }
    return merged
  })
}

const ratio = (a, b) => (a / b).toFixed(2)
const ns = (value) => (value === undefined ? 'n/a' : value.toFixed(0))

function expressTable(rows) {
  return [
    '| | scenario | cors-native ns | cors ns | floor ns | native / floor | cors / native |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...rows.map((row) =>
      `| ${row.id} | ${row.name} | ${ns(row.native)} | ${ns(row.cors)} | ${ns(row.floor)} | ${ratio(row.native, row.floor)} | ${row.cors === undefined ? 'n/a' : ratio(row.cors, row.native)} |`),
  ].join('\n')
}

function honoTable(rows) {
  return [
    '| | scenario | cors-native/fetch ns | hono/cors ns | floor ns | hono / native | above the floor: hono / native |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...rows.map((row) =>
      `| ${row.id} | ${row.name} | ${ns(row.native)} | ${ns(row.hono)} | ${ns(row.floor)} | ${ratio(row.hono, row.native)} | ${row.preflight ? 'n/a' : ratio(row.hono - row.floor, row.native - row.floor)} |`),
  ].join('\n')
}

function main() {
  const script = path.join(__dirname, 'run.js')
  const runs = []
  for (let run = 1; run <= RUNS; run++) {
    console.error(`run ${run} of ${RUNS}`)
    const output = execFileSync(process.execPath, ['--expose-gc', script, '--measure'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
    runs.push(JSON.parse(output))
  }
  const express = medianRows(runs.map((run) => run.express))
  const hono = medianRows(runs.map((run) => run.hono))
  const byId = Object.fromEntries(express.map((row) => [row.id, row]))
  const sizeNote = `Flat with size: S5 / S3 = ${ratio(byId.S5.native, byId.S3.native)}, S7 / S6 = ${ratio(byId.S7.native, byId.S6.native)}.`
  const report = [
    '## Per request, in one process',
    '',
    'Median nanoseconds per request over interleaved rounds, on fresh `http.IncomingMessage` /',
    '`http.ServerResponse` pairs built outside the timed loop (S11, H1-H9: Web `Request`s). The floor',
    'is a hand-written middleware making exactly the same header writes with no logic.',
    '',
    `- Command: \`npm run bench\` (${RUNS} runs, each a fresh process of ${ROUNDS} rounds of 2,000 requests per contestant and scenario; each figure is the median of the runs' medians)`,
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}, ${os.platform()} ${os.arch()}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
    expressTable(express),
    '',
    sizeNote,
    '',
    '### cors-native/fetch under Hono against hono/cors',
    '',
    'The same options in both (hono/cors has no RegExp origins: H6 and H7 give it an origin function',
    'testing the RegExps), each as Hono middleware in front of a route answering `ok`, timed through',
    '`app.fetch`. The floor is the same app with a pass-through middleware instead (any middleware',
    'takes Hono off its single-handler fast path); the last column compares what each CORS',
    'middleware adds to it (n/a for the preflight, which CORS answers before the route).',
    '',
    honoTable(hono),
    '',
  ].join('\n')
  console.log(expressTable(express))
  console.log(sizeNote)
  console.log(honoTable(hono))
  if (!process.env.BENCH_NO_WRITE) writeSection('in-process', report)
}

if (process.argv.includes('--measure')) measure()
else main()
