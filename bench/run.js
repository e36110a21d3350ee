'use strict'
// npm run bench: per-request cost of cors-native, cors@2.8.6 and the header-write floor on
// scenarios S1-S11, in one process; prints the table and writes it to BENCHMARKS.md.
const os = require('node:os')
const cors = require('cors')
const corsNative = require('..')
const { compare } = require('./harness')
const { scenarios, eleven } = require('./scenarios')
const { compareNextWrap } = require('./next-wrap')
const { writeSection } = require('./report')

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25)

function ratio(a, b) {
  return (a / b).toFixed(2)
}

async function main() {
  const rows = []
  for (const scenario of scenarios) {
    const result = await compare(
      { native: corsNative(scenario.options), cors: cors(scenario.options), floor: scenario.floor },
      scenario.request,
      { rounds: ROUNDS },
    )
    rows.push({ ...scenario, ...result })
    console.error(`${scenario.id} done`)
  }
  const next = await compareNextWrap(eleven, { rounds: ROUNDS })
  rows.push({ id: 'S11', name: 'Next.js cors.wrap around a trivial handler', native: next.native, cors: undefined, floor: next.floor })

  const table = [
    '| | scenario | cors-native ns | cors ns | floor ns | native / floor | cors / native |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...rows.map((row) =>
      `| ${row.id} | ${row.name} | ${row.native.toFixed(0)} | ${row.cors === undefined ? 'n/a' : row.cors.toFixed(0)} | ${row.floor.toFixed(0)} | ${ratio(row.native, row.floor)} | ${row.cors === undefined ? 'n/a' : ratio(row.cors, row.native)} |`),
  ].join('\n')
  const byId = Object.fromEntries(rows.map((row) => [row.id, row]))
  const sizeNote = `Flat with size: S5 / S3 = ${ratio(byId.S5.native, byId.S3.native)}, S7 / S6 = ${ratio(byId.S7.native, byId.S6.native)}.`

  const report = [
    '## Per request, in one process',
    '',
    'Median nanoseconds per request over interleaved rounds, on fresh `http.IncomingMessage` /',
    '`http.ServerResponse` pairs built outside the timed loop (S11: Web `Request`s). The floor is a',
    'hand-written middleware making exactly the same header writes with no logic.',
    '',
    `- Command: \`npm run bench\` (${ROUNDS} rounds of 2,000 requests per contestant and scenario)`,
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), Node ${process.version}, ${os.platform()} ${os.arch()}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
    table,
    '',
    sizeNote,
    '',
  ].join('\n')
  console.log(table)
  console.log(sizeNote)
  if (!process.env.BENCH_NO_WRITE) writeSection('in-process', report)
}

main()
