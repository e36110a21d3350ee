'use strict'
// The playground read at a glance, in real Chromium and Firefox: each preset's verdicts (the
// model's, per engine) agree with what the browser running the page really did, the sequence
// diagram names in words the engines blocked at each message, both panes fit a 1366x768 screen,
// axe-core finds no violation, and the state survives a reload through the URL's fragment.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startPlayground } = require('../../lib/playground/server')
const { skippedFor } = require('../check/chromium')
const { ENGINES, setValue } = require('./browsers')

const VIEWPORT = { width: 1366, height: 768 }
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }

/** Clicks a preset and waits for its verdicts, cleared first so that the old ones are not read. */
async function runPreset(page, preset, engine) {
  await page.$$eval('#result, #model, #exchange', (elements) => elements.forEach((element) => element.replaceChildren()))
  await page.click(`#presets button[data-preset="${preset}"]`)
  await page.waitForSelector(`#model tr[data-engine="${engine}"]`, { timeout: 30_000 })
}

/** The verdict table as shown: per engine, the model's verdict, this browser's and where. */
const shownVerdicts = (page) => page.$$eval('#model tr[data-engine]', (rows) => rows.map((row) => ({
  engine: row.dataset.engine,
  model: row.cells[1].textContent,
  real: row.cells[2].dataset.real,
  where: row.cells[3].textContent,
})))

const controls = (page) => page.evaluate(() => Object.fromEntries(['options', 'from', 'route', 'method', 'headers', 'body', 'credentials']
  .map((id) => [id, id === 'credentials' ? document.getElementById(id).checked : document.getElementById(id).value])))

for (const [engine, { executable, debianPackage, launch, newPage }] of Object.entries(ENGINES)) {
  test(`playground presets in ${engine}`, { timeout: 120_000 }, async (t) => {
    if (skippedFor(t, fs.existsSync(executable) ? null : `${engine} is not installed (${executable}): apt-get install ${debianPackage}`)) return
    const shots = fs.mkdtempSync(path.join(os.tmpdir(), `cors-native-presets-${engine}-`))
    const playground = await startPlayground()
    t.after(() => playground.close())
    const browser = await launch()
    t.after(() => browser.close())
    const page = await newPage(browser, VIEWPORT)
    await page.goto(playground.url)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
    const presets = await page.$$eval('#presets button', (buttons) => buttons.map((button) => button.dataset.preset))
    assert.equal(presets.length, 6)

    for (const preset of presets) {
      await t.test(`preset ${preset}`, async () => {
        await runPreset(page, preset, engine)
        assert.equal(await page.$('#disagreement'), null, await page.$eval('#model', (element) => element.textContent))
        const verdicts = await shownVerdicts(page)
        const mine = verdicts.find((row) => row.engine === engine)
        assert.match(mine.real, /^(allowed|blocked)$/)
        assert.equal(mine.model, mine.real, `${preset}: the model says ${mine.model}, ${engine} did ${mine.real}`)
        assert.equal(await page.$eval('#verdict', (element) => element.className), mine.real)
        // Every engine blocked at a message is named, in words, at that message's arrow and disclosure.
        for (const row of verdicts.filter((verdict) => verdict.model === 'blocked')) {
          const at = /message (\d+)/.exec(row.where)
          if (!at) continue
          const summary = await page.$eval(`#message-${at[1]} summary`, (element) => element.textContent)
          assert.match(summary, new RegExp(`Blocked here: [^)]*${ENGINE_NAMES[row.engine]}`), summary)
          const arrow = await page.$eval(`.diagram [data-message="${at[1] - 1}"] .stop`, (element) => element.textContent)
          assert.match(arrow, new RegExp(ENGINE_NAMES[row.engine]))
        }
        t.diagnostic(`${engine} ${preset}: ${verdicts.map((row) => `${row.engine} ${row.model} (${row.where})`).join('; ')}`)
      })
    }

    await t.test('both panes fit a 1366x768 screen; a message\'s headers are one click away', async () => {
      await runPreset(page, 'method-not-listed', engine)
      await page.click('.diagram [data-message="0"]')
      assert.equal(await page.$eval('#message-1', (element) => element.open), true)
      assert.match(await page.$eval('#message-1 pre', (element) => element.textContent), /^OPTIONS \/items\n(.+\n)*access-control-request-method: DELETE\n/)
      const boxes = await page.evaluate(() => ['options', 'send', 'result', 'model'].map((id) => {
        const box = document.getElementById(id).getBoundingClientRect()
        return { id, left: box.left, right: box.right, top: box.top }
      }))
      for (const box of boxes) assert.ok(box.left >= 0 && box.right <= 1366 && box.top < 768, JSON.stringify(box))
      const file = path.join(shots, `presets-${engine}-1366x768.png`)
      await page.screenshot({ path: file })
      t.diagnostic(`screenshot: ${file}`)
    })

    await t.test('on a narrow screen the result comes under the request', async () => {
      const narrow = await newPage(browser, { width: 700, height: 900 })
      await narrow.goto(playground.url)
      await narrow.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
      const [send, result] = await narrow.evaluate(() => ['send', 'result'].map((id) => document.getElementById(id).getBoundingClientRect().toJSON()))
      await narrow.close()
      assert.ok(result.top > send.bottom && result.right <= 700, JSON.stringify({ send, result }))
    })

    await t.test('what the server saw is shown as text, never as markup', async () => {
      const hostile = '<img src=x onerror="document.body.dataset.pwned=1">'
      await setValue(page, '#options', `{ origin: ['${playground.pageOrigin}'], allowedHeaders: ['X-Note'] }`)
      await setValue(page, '#method', 'PUT')
      await setValue(page, '#headers', `X-Note: ${hostile}`)
      await page.$$eval('#result, #model, #exchange', (elements) => elements.forEach((element) => element.replaceChildren()))
      await page.click('#send')
      await page.waitForSelector('#message-2', { timeout: 30_000 })
      assert.match(await page.$eval('#message-2 pre', (element) => element.textContent), new RegExp(`^x-note: ${hostile}$`, 'm'))
      assert.equal(await page.$$eval('#exchange img, #exchange script', (elements) => elements.length), 0)
      assert.equal(await page.evaluate(() => document.body.dataset.pwned), undefined)
    })

    await t.test('axe-core finds no violation', async () => {
      await page.evaluate(AXE)
      const violations = await page.evaluate(() => window.axe.run(document).then((result) => result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)))
      assert.deepEqual(violations, [])
    })

    await t.test('the state round-trips through the fragment, without the token', async () => {
      const token = new URL(playground.url).searchParams.get('token')
      await setValue(page, '#options', `{ origin: ['${playground.pageOrigin}'], maxAge: 60 } // shared`)
      await setValue(page, '#method', 'PATCH')
      await setValue(page, '#headers', 'X-Trace: a&b=c#d')
      await setValue(page, '#route', '/fails')
      await setValue(page, '#from', 'other')
      await setValue(page, '#credentials', true)
      const before = await controls(page)
      const url = page.url()
      assert.ok(!new URL(url).hash.includes(token), url)
      await page.reload()
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
      assert.equal(page.url(), url)
      assert.deepEqual(await controls(page), before)
      // A fragment with a field the page does not know is refused as a whole.
      await page.evaluate(() => { location.hash = 'options=%7B%7D&token=x' })
      await page.waitForSelector('#state-note:not(:empty)', { timeout: 10_000 })
      await page.waitForFunction(() => document.getElementById('state-note').textContent.startsWith('Not restored'))
      assert.deepEqual(await controls(page), before)
    })
  })
}
