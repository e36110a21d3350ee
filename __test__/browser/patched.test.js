'use strict'
// The model's patch in real Chromium, Firefox ESR and WebKitGTK: every scenario an engine
// blocks against cors-native in Express is run once as is, the model's patch
// (lib/browser/model.js patch()) is computed from the exchange that engine really had, and the
// patch proxy (../check/patch-proxy.js) applies it between the recording proxy and the server;
// the engine must then read the response. A fetch only Origin: null can pass gets no header
// patch and must stay blocked; a failure no header fixes must keep the model's refusals. A
// method fetch() sends in lower case is fixed in the page first (upper-cased), then patched.
const test = require('node:test')
const assert = require('node:assert/strict')
const { scenarios } = require('./scenarios')
const { nativeExpress } = require('./targets/express')
const { ENGINES, launchFor } = require('./engines')
const { startPageServer, startRecorder } = require('./servers')
const { pathOf } = require('./routes')
const { buildExchanges } = require('./exchange')
const { expectedVerdict } = require('./checks')
const { predict, patch } = require('../../lib/browser/model')
const { startPatchProxy } = require('../check/patch-proxy')
const { compact, sentAs } = require('../check/patch-proof')

/** Runs scenario `index` in `page` through the recorder; resolves with the page's result and the last fetch's exchange. */
async function run(page, recorder, pageOrigin, scenario, index) {
  const url = recorder.env.api + pathOf(index, scenario)
  recorder.log.length = 0
  const result = await page.run({ url, init: scenario.init, then: scenario.then, reads: [], repeat: scenario.repeat ?? 1, frame: scenario.frame })
  const origin = scenario.frame === 'sandboxed' ? 'null' : pageOrigin
  const exchanges = buildExchanges({ url, init: scenario.init, then: scenario.then, origin }, recorder.log.slice(), result.fetches.length)
  return { result, exchange: exchanges.at(-1) }
}

test("the model's patch lets every engine through on the scenarios it blocks", { timeout: 300_000 }, async (t) => {
  t.mock.method(process, 'emitWarning', () => {}) // scenarios include deliberate mistakes
  const pages = await startPageServer()
  t.after(pages.close)
  const recorder = await startRecorder()
  t.after(recorder.close)
  const server = await nativeExpress.start({ scenarios, env: { page: pages.origin, ...recorder.env } })
  t.after(server.close)
  const proxy = await startPatchProxy(`http://127.0.0.1:${server.port}`)
  t.after(proxy.close)
  recorder.setUpstream(new URL(proxy.url).port)

  const codes = new Set()
  for (const engine of ENGINES) {
    await t.test(engine.name, async (t) => {
      const session = await launchFor(t, engine)
      if (!session) return
      const page = await session.open(`${pages.origin}/`)
      const failures = []
      let proved = 0
      for (const [index, scenario] of scenarios.entries()) {
        if (expectedVerdict(scenario, nativeExpress, engine.name) !== 'blocked') continue
        proxy.use([], [])
        const before = await run(page, recorder, pages.origin, scenario, index)
        const refused = predict(before.exchange).engines[engine.name]
        if (before.result.verdict !== 'blocked' || refused.allowed) {
          failures.push(`${scenario.name}: expected blocked by the browser and the model, got ${before.result.verdict} / model ${refused.allowed ? 'allowed' : 'blocked'}`)
          continue
        }
        codes.add(refused.failure)
        const row = (patchCell, after) => t.diagnostic(`| ${engine.name} | ${scenario.name} | ${refused.failure} | ${patchCell} | ${after} |`)
        // fetch() sends a method as written unless it is a standard one, and Node's parser (the
        // recording proxy's, the server's) refuses a lower-case one: the fix is the page's.
        const method = scenario.init.method ?? 'GET'
        const paged = sentAs(method) === method.toUpperCase() ? scenario : { ...scenario, init: { ...scenario.init, method: method.toUpperCase() } }
        const fixedPage = paged === scenario ? before : await run(page, recorder, pages.origin, paged, index)
        const pageCell = paged === scenario ? '' : `page: method '${paged.init.method}'; `
        if (fixedPage.result.verdict === 'ok') {
          proved++
          row(`${pageCell}no header patch needed`, 'allowed')
          continue
        }
        const found = patch(fixedPage.exchange)
        if (found.patch.length === 0) {
          // No header patch: only Origin: null would pass, or no header fixes the failure.
          if (found.verdicts[engine.name]) failures.push(`${scenario.name}: no patch, yet the model says ${engine.name} passes`)
          const again = await run(page, recorder, pages.origin, paged, index)
          if (again.result.verdict !== 'blocked') failures.push(`${scenario.name}: no patch, yet ${engine.name} now allows it`)
          row(`${pageCell}none: ${found.blocker ? `${found.blocker.code}${found.blocker.url ? ` (fetch ${found.blocker.url})` : ''}` : 'no header fixes it'}`, again.result.verdict)
          continue
        }
        if (!found.verdicts[engine.name]) failures.push(`${scenario.name}: the model's own verdict on its patch is blocked in ${engine.name}`)
        proxy.use(found.patch, fixedPage.exchange.responses.map((response) => new URL(response.url).pathname))
        const after = await run(page, recorder, pages.origin, paged, index)
        if (after.result.verdict === 'ok') proved++
        else failures.push(`${scenario.name}: still blocked in ${engine.name} with ${compact(found.patch)}: ${after.result.error}`)
        row(`${pageCell}${compact(found.patch)}`, after.result.verdict === 'ok' ? 'allowed' : 'blocked')
      }
      t.diagnostic(`${engine.name}: ${proved} blocked scenarios allowed with the model's patch`)
      assert.deepEqual(failures, [])
      assert.ok(proved >= 10, `only ${proved} scenarios were proved in ${engine.name}`)
    })
  }
  t.diagnostic(`failure codes covered: ${[...codes].sort().join(', ')}`)
})
