'use strict'
// The four cookie configurations, each launched once, all pointed at loopback under realistic
// names with a self-signed certificate accepted (research: cookies-lna.md):
//   chromium                   Playwright's launch and a new context: third-party cookies
//                              blocked, as in a fresh Chromium 156 profile
//   chromiumThirdPartyAllowed  a persistent profile seeded with profile.cookie_controls_mode 0
//   firefox                    puppeteer over WebDriver BiDi, names resolved by prefs
//   webkit                     MiniBrowser through WebKitWebDriver, names reached via a proxy
// Each gives { visit(url), run(args), probe(url), takeConsole(), close() } on one tab.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { chromium } = require('playwright-core')
const puppeteer = require('puppeteer-core')
const webkitEngine = require('../engines/webkit')
const { startProxy } = require('./proxy')

const CHROMIUM = '/usr/bin/chromium'
const FIREFOX = '/usr/bin/firefox-esr'
const NAMES = ['app.example.com', 'api.example.com', 'api.other.test', 'app.other.test']
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
  `--host-resolver-rules=${NAMES.map((name) => `MAP ${name} 127.0.0.1`).join(', ')}`,
]
const COOKIE_LINE = /^Cookie /

/**
 * One tab from a driver's `navigate(url)` and `evaluate(expression)` (a Promise's text, run in
 * the page); a visit to the page the tab is already on is skipped.
 */
function tab({ navigate, evaluate, lines = [], close }) {
  let at = null
  const visit = async (url) => {
    if (url === at) return
    at = null
    await navigate(url)
    at = url
  }
  return {
    visit,
    run: (args) => evaluate(`window.runScenario(${JSON.stringify(args)})`),
    probe: async (url) => {
      await visit(url)
      return evaluate('window.probe()')
    },
    takeConsole: () => lines.splice(0).filter((line) => COOKIE_LINE.test(line)),
    close,
  }
}

function playwrightTab(page, close) {
  const lines = []
  page.on('console', (message) => lines.push(message.text()))
  return tab({ navigate: (url) => page.goto(url), evaluate: (expression) => page.evaluate(expression), lines, close })
}

async function chromiumBlocked() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 })
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  return playwrightTab(await context.newPage(), () => browser.close())
}

async function chromiumThirdPartyAllowed() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-3pc-'))
  fs.mkdirSync(path.join(profile, 'Default'))
  // 0: "allow third-party cookies" in chrome://settings/cookies; 1, the default, blocks them.
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ignoreHTTPSErrors: true, timeout: 60_000 })
  return playwrightTab(context.pages()[0] ?? await context.newPage(), async () => {
    await context.close()
    fs.rmSync(profile, { recursive: true, force: true })
  })
}

async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    timeout: 60_000,
    acceptInsecureCerts: true,
    extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.dns.disableIPv6': true },
  })
  const page = await browser.newPage()
  const lines = []
  page.on('console', (message) => lines.push(message.text()))
  // Firefox's cookie warnings come over BiDi as script errors.
  page.on('pageerror', (error) => lines.push(error.message))
  return tab({ navigate: (url) => page.goto(url), evaluate: (expression) => page.evaluate(expression), lines, close: () => browser.close() })
}

async function webkit() {
  const proxy = await startProxy()
  let session
  try {
    session = await webkitEngine.launch({
      executable: webkitEngine.executable,
      timeoutMs: 60_000,
      browserArgs: [`--proxy=http://127.0.0.1:${proxy.port}`, '--ignore-tls-errors'],
    })
  } catch (error) {
    await proxy.close()
    throw error
  }
  const { driver } = session
  // WebKit prints nothing about cookies (and its WebDriver session shows no console).
  return tab({
    navigate: (url) => driver.get(url),
    evaluate: (expression) => driver.executeAsyncScript(`${expression}.then(arguments[0])`),
    close: async () => {
      await session.close()
      await proxy.close()
    },
  })
}

const CONFIGURATIONS = [
  { name: 'chromium', executable: CHROMIUM, debianPackage: 'chromium', launch: chromiumBlocked },
  { name: 'chromiumThirdPartyAllowed', executable: CHROMIUM, debianPackage: 'chromium', launch: chromiumThirdPartyAllowed },
  { name: 'firefox', executable: FIREFOX, debianPackage: 'firefox-esr', launch: firefox },
  { name: 'webkit', executable: webkitEngine.executable, debianPackage: 'webkit2gtk-driver', requires: webkitEngine.requires, launch: webkit },
]

module.exports = { CONFIGURATIONS }
