'use strict'
// Browser conformance in three engines: Chromium, Firefox ESR and WebKitGTK (Debian's
// packages) load a page from http://localhost:<port> and fetch() an API on another port,
// guarded by cors-native in Express, by cors@2.8.6 in Express for comparison, and by
// cors-native/next in a built Next.js app. Each run's verdict must be the one the scenario
// expects for that engine and target, and each fetch's outcome the one the browser model
// predicts from that fetch's exchange; every exchange is written to one JSON file. A missing
// browser skips its engine (fails under CI=true). Then check's fixes for cors-native/next are
// applied to the built Next.js app (next-fix/).
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { scenarios } = require('./scenarios')
const { TARGETS } = require('./targets')
const { ENGINES, launchFor } = require('./engines')
const { startPageServer, startRecorder } = require('./servers')
const { runScenario } = require('./run')
const { expectedVerdict } = require('./checks')
const { engineTable } = require('./table')
const { linesAbout } = require('./console')
const { disagreements } = require('./prediction')
const { proveNextFixes } = require('./next-fix/prove')

test('every scenario in every engine against every target', { timeout: 300_000 }, async (t) => {
  t.mock.method(process, 'emitWarning', () => {}) // scenarios include deliberate mistakes
  assert.ok(scenarios.length >= 50)
  const pages = await startPageServer()
  t.after(pages.close)
  const targets = []
  for (const target of TARGETS) {
    const recorder = await startRecorder()
    t.after(recorder.close)
    const env = { page: pages.origin, ...recorder.env }
    const server = await target.start({ scenarios, env, report: (line) => t.diagnostic(`${target.name}: ${line}`) })
    t.after(server.close)
    recorder.setUpstream(server.port)
    targets.push({ target, recorder })
  }

  const records = []
  for (const engine of ENGINES) {
    await t.test(engine.name, async (t) => {
      const session = await launchFor(t, engine)
      if (!session) return
      const page = await session.open(`${pages.origin}/`)
      const failures = []
      const runs = []
      const rows = scenarios.map((scenario) => ({ scenario: scenario.name, expected: new Set(), cells: [] }))
      for (const { target, recorder } of targets) {
        for (const [index, scenario] of scenarios.entries()) {
          const run = await runScenario({ page, engine, target, recorder, pageOrigin: pages.origin }, scenario, index)
          failures.push(...run.failures)
          records.push(...run.records)
          runs.push({ ...run, origins: Object.values(recorder.env) })
          rows[index].expected.add(expectedVerdict(scenario, target, engine.name))
          rows[index].cells.push(run.cell)
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500)) // the last run's console lines
      const lines = page.takeConsole()
      for (const { records, origins, urlPath } of runs) {
        for (const record of records) record.outcome.console = linesAbout(lines, origins, urlPath)
      }
      const table = rows.map((row) => ({ ...row, expected: [...row.expected].join(' / ') }))
      for (const line of engineTable(engine.name, targets.map(({ target }) => target), table)) t.diagnostic(line)
      assert.deepEqual(failures, [])
      const fetches = runs.flatMap(({ records }) => records)
      const mispredicted = disagreements(engine.name, fetches)
      t.diagnostic(`${engine.name}: the model predicted ${fetches.length - mispredicted.length} of ${fetches.length} fetches (${runs.length} runs)`)
      assert.deepEqual(mispredicted, [])
    })
  }
  // The built Next.js app started again (no rebuild) to apply check's cors-native/next fixes.
  await t.test("check's cors-native/next fixes, applied, in Chromium", async (t) => {
    assert.deepEqual(await proveNextFixes(t, { page: pages.origin }), [])
  })
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-browsers-')), 'exchanges.json')
  fs.writeFileSync(file, JSON.stringify(records, null, 1))
  t.diagnostic(`${records.length} exchanges written to ${file}`)
})
