'use strict'
// Real Chromium for the check tests: Debian's chromium driven by playwright-core. A case's
// fetch runs in a page served at the case's origin on loopback, in a fresh context (its own
// preflight cache), and the console lines Chromium prints are collected.
const assert = require('node:assert/strict')
const fs = require('node:fs')
const http = require('node:http')
const { chromium } = require('playwright-core')

const EXECUTABLE = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Why the browser tests cannot run here, or null. Under CI=true a missing browser fails. */
function chromiumMissing() {
  return fs.existsSync(EXECUTABLE) ? null : `${EXECUTABLE} is missing (apt-get install chromium)`
}

/** Chromium with the shared switches and `extra` ones. */
function launch(extra = []) {
  return chromium.launch({ executablePath: EXECUTABLE, args: [...ARGS, ...extra], timeout: 60_000 })
}

/** Skips `t` with a loud message when `missing` names what is missing (fails under CI=true). */
function skippedFor(t, missing) {
  if (!missing) return false
  if (process.env.CI === 'true') assert.fail(missing)
  console.warn(`SKIPPED: ${missing}`)
  t.skip(missing)
  return true
}

/** The page server and a launched Chromium for the test `t`, both closed in t.after. */
async function startChromium(t) {
  const pages = await startPages()
  t.after(() => pages.close())
  const browser = await launch()
  t.after(() => browser.close())
  return { pages, browser }
}

/** One page server, reachable as two origins: http://localhost:<port> and http://127.0.0.1:<port>. */
function startPages() {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html')
    res.end('<!doctype html><title>check</title>')
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address()
    resolve({ allowed: `http://localhost:${port}`, other: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) })
  }))
}

function fetchInPage({ url, init }) {
  return fetch(url, init).then(
    async (response) => ({ allowed: true, status: response.status, text: (await response.text()).slice(0, 200) }),
    (error) => ({ allowed: false, error: String(error) }),
  )
}

/** Fetches `url` with `init` from a page at `origin`; resolves with the verdict and the console lines. */
async function chromiumFetch(browser, origin, url, init) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const lines = []
    let sawCorsLine
    const corsLine = new Promise((resolve) => { sawCorsLine = resolve })
    page.on('console', (message) => {
      lines.push(message.text())
      if (message.text().includes('has been blocked by CORS policy')) sawCorsLine()
    })
    await page.goto(`${origin}/`, { timeout: 30_000 })
    const result = await page.evaluate(fetchInPage, { url, init })
    // The console event can trail the rejected fetch; wait for it a moment.
    if (!result.allowed) await Promise.race([corsLine, new Promise((resolve) => setTimeout(resolve, 3_000))])
    return { ...result, console: lines }
  } finally {
    await context.close()
  }
}

module.exports = { chromiumMissing, skippedFor, launch, startChromium, chromiumFetch }
