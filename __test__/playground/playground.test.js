'use strict'
// The playground in real browsers: options typed into the page, requests sent by the browser
// itself, and the rendered verdicts checked for the cases people meet. A screenshot of each
// state is written to the test's temporary folder.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startPlayground } = require('../../lib/playground/server')
const { skippedFor } = require('../check/chromium')
const { ENGINES, setValue } = require('./browsers')

// [name, options text, request, expected verdict, expected text in the page]
const CASES = [
  ['allowed', (o) => `{ origin: ['${o.page}'] }`, {}, 'allowed', /Allowed: GET/],
  ['refused origin', () => "{ origin: ['https://app.example.com'] }", {}, 'blocked', /Blocked/],
  ['* with credentials', () => "{ origin: '*' }", { credentials: true }, 'blocked', /Blocked/],
  ['missing allowed header', (o) => `{ origin: ['${o.page}'], allowedHeaders: ['Content-Type'] }`, { method: 'PUT', headers: 'X-Trace: 1' }, 'blocked', /Blocked by this browser's CORS check: PUT/],
  ['strict 403', () => "{ origin: ['https://app.example.com'], strict: true }", { method: 'PUT' }, 'blocked', /403/],
  ['from the other origin', (o) => `{ origin: ['${o.page}'] }`, { from: 'other' }, 'blocked', /CORS check: GET from http:\/\/127\.0\.0\.1:\d+ /],
]

const text = (page, selector) => page.$eval(selector, (element) => element.textContent)

for (const [engine, { executable, debianPackage, launch, newPage }] of Object.entries(ENGINES)) {
  test(`playground in ${engine}`, { timeout: 180_000 }, async (t) => {
    if (skippedFor(t, fs.existsSync(executable) ? null : `${engine} is not installed (${executable}): apt-get install ${debianPackage}`)) return
    const shots = fs.mkdtempSync(path.join(os.tmpdir(), `cors-native-playground-${engine}-`))
    const playground = await startPlayground()
    t.after(() => playground.close())
    const browser = await launch()
    t.after(() => browser.close())
    const page = await newPage(browser)
    await page.goto(playground.url)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
    const origins = { page: playground.pageOrigin }

    await t.test('every control has a label and results are announced', async () => {
      const unlabelled = await page.$$eval('input, select, textarea', (controls) => controls.filter((control) => !document.querySelector(`label[for="${control.id}"]`)).map((control) => control.id))
      assert.deepEqual(unlabelled, [])
      assert.equal(await page.$eval('#result', (element) => element.getAttribute('aria-live')), 'polite')
      assert.equal(await page.$eval('#lints', (element) => element.getAttribute('aria-live')), 'polite')
    })

    for (const [name, options, request, verdict, shown] of CASES) {
      await t.test(name, async () => {
        await setValue(page, '#options', options(origins))
        await setValue(page, '#method', request.method ?? 'GET')
        await setValue(page, '#headers', request.headers ?? '')
        await setValue(page, '#credentials', Boolean(request.credentials))
        await setValue(page, '#from', request.from ?? 'page')
        await page.$eval('#result', (element) => element.replaceChildren())
        await page.click('#send')
        await page.waitForSelector('#verdict', { timeout: 30_000 })
        assert.equal(await page.$eval('#verdict', (element) => element.className), verdict)
        assert.match(await text(page, '#result') + await text(page, '#exchange'), shown)
        // The model's prediction for this engine equals what this browser really did.
        await page.waitForSelector(`#model tr[data-engine="${engine}"]`, { timeout: 10_000 })
        assert.equal(await page.$('#disagreement'), null, await text(page, '#model'))
        assert.equal(await page.$eval(`#model tr[data-engine="${engine}"] td`, (cell) => cell.textContent), verdict)
        await page.screenshot({ path: path.join(shots, `${name.replace(/\W+/g, '-')}.png`), fullPage: true })
      })
    }

    // Each cookie has its own name, so one kept from an earlier send is not mistaken for it.
    for (const [cookie, sent] of [['kept=1', true], ['refused=1; SameSite=None', false]]) {
      await t.test(`a response setting ${cookie}: the model's table, and this browser's repeat agrees`, async () => {
        await setValue(page, '#options', `{ origin: ['${origins.page}'], credentials: true }`)
        await setValue(page, '#method', 'GET')
        await setValue(page, '#headers', '')
        await setValue(page, '#from', 'page')
        await setValue(page, '#credentials', true)
        await setValue(page, '#set-cookie', cookie)
        await page.click('#send')
        const name = cookie.split('=')[0]
        await page.waitForSelector(`#cookies table[data-cookie="${name}"] td[data-real]`, { timeout: 30_000 })
        assert.equal(await page.$('#cookie-disagreement'), null, await text(page, '#cookies'))
        const shown = await page.$eval(`#cookies table[data-cookie="${name}"]`, (table) => ({
          model: Object.fromEntries([...table.querySelectorAll('tr[data-engine]')].map((row) => [row.dataset.engine, row.cells[1].dataset.sent])),
          real: table.querySelector('td[data-real]').dataset.real,
        }))
        assert.deepEqual(Object.keys(shown.model), ['chromium', 'chromiumThirdPartyAllowed', 'firefox', 'webkit'])
        assert.equal(shown.model[engine], String(sent), `the model's ${engine}`)
        assert.equal(shown.real, String(sent), `what ${engine} sent back`)
        await page.screenshot({ path: path.join(shots, `cookie-${name}.png`), fullPage: true })
        await setValue(page, '#set-cookie', '')
      })
    }

    await t.test('check a live URL', async () => {
      await setValue(page, '#options', `{ origin: ['${origins.page}'], credentials: true }`)
      await setValue(page, '#method', 'GET')
      await setValue(page, '#headers', '')
      await page.click('#send')
      await setValue(page, '#check-url', `${playground.apiOrigin}/items`)
      await page.$eval('#check-result', (element) => element.replaceChildren())
      await page.click('#check')
      await page.waitForSelector('#check-verdict', { timeout: 30_000 })
      assert.match(await text(page, '#check-verdict'), /Every engine allows/)
      assert.equal(await page.$$eval('#check-result tr[data-engine]', (rows) => rows.length), 3)
      await page.screenshot({ path: path.join(shots, 'check-live-url.png'), fullPage: true })
    })

    await t.test('a RegExp with a lint shows the warning and the suggested entries', async () => {
      await setValue(page, '#options', '{ origin: /example\\.com$/ }')
      await page.waitForFunction(() => document.querySelector('#lints').textContent.includes('CORS_NATIVE_LOOSE_REGEX'), { timeout: 10_000 })
      const lints = await text(page, '#lints')
      assert.match(lints, /also matches https:\/\/evilexample\.com/)
      assert.match(lints, /Suggested: https:\/\/example\.com/)
      assert.match(await text(page, '#code'), /app\.use\(cors\(\{\n {2}origin: \/example\\\.com\$\/,\n\}\)\)/)
      await page.screenshot({ path: path.join(shots, 'regexp-lint.png'), fullPage: true })
    })
    t.diagnostic(`screenshots in ${shots}`)
  })
}
