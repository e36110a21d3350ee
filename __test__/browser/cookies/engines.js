'use strict'
// The four cookie configurations, each launched once, all pointed at loopback under realistic
// names with a self-signed certificate accepted (research: cookies-lna.md):
//   chromium                   Playwright's launch and a new context: third-party cookies
//                              blocked, as in a fresh Chromium 156 profile
//   chromiumThirdPartyAllowed  a persistent profile seeded with profile.cookie_controls_mode 0
//   firefox                    puppeteer over WebDriver BiDi, names resolved by prefs
//   webkit                     MiniBrowser through WebKitWebDriver, names reached via a proxy
// Each gives { visit(url), run(args), probe(url), takeConsole() } on one tab.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { chromium } = require('playwright-core')
const puppeteer = require('puppeteer-core')
const webkitEngine = require('../engines/webkit')
const { startProxy } = require('./proxy')

const CHROMIUM = '/usr/bin/chromium'
const FIREFOX = '/usr/bin/firefox-esr'
const NAMES = ['app.example.com', 'api.example.com', 'api.other.test']
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
  `--host-resolver-rules=${NAMES.map((name) => `MAP ${name} 127.0.0.1`).join(', ')}`,
]
const COOKIE_LINE = /^Cookie /

function playwrightTab(page) {
  const lines = []
  page.on('console', (message) => lines.push(message.text()))
  return {
    visit: (url) => page.goto(url),
    run: (args) => page.evaluate((a) => window.runScenario(a), args),
    probe: async (url) => {
      await page.goto(url)
      return page.evaluate(() => window.probe())
    },
    takeConsole: () => lines.splice(0).filter((line) => COOKIE_LINE.test(line)),
  }
}

async function chromiumBlocked() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 })
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  return { ...playwrightTab(await context.newPage()), close: () => browser.close() }
}

async function chromiumThirdPartyAllowed() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-3pc-'))
  fs.mkdirSync(path.join(profile, 'Default'))
  // 0: "allow third-party cookies" in chrome://settings/cookies; 1, the default, blocks them.
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ignoreHTTPSErrors: true, timeout: 60_000 })
  return {
    ...playwrightTab(context.pages()[0] ?? await context.newPage()),
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
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
  return {
    visit: (url) => page.goto(url),
    run: (args) => page.evaluate((a) => window.runScenario(a), args),
    probe: async (url) => {
      await page.goto(url)
      return page.evaluate(() => window.probe())
    },
    takeConsole: () => lines.splice(0).filter((line) => COOKIE_LINE.test(line)),
    close: () => browser.close(),
  }
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
  const script = (body, args) => driver.executeAsyncScript(`${body}.then(arguments[arguments.length - 1])`, args)
  return {
    visit: (url) => driver.get(url),
    run: (args) => script('window.runScenario(arguments[0])', args),
    probe: async (url) => {
      await driver.get(url)
      return script('window.probe()')
    },
    // WebKit prints nothing about cookies (and its WebDriver session shows no console).
    takeConsole: () => [],
    close: async () => {
      await session.close()
      await proxy.close()
    },
  }
}

const CONFIGURATIONS = [
  { name: 'chromium', executable: CHROMIUM, debianPackage: 'chromium', launch: chromiumBlocked },
  { name: 'chromiumThirdPartyAllowed', executable: CHROMIUM, debianPackage: 'chromium', launch: chromiumThirdPartyAllowed },
  { name: 'firefox', executable: FIREFOX, debianPackage: 'firefox-esr', launch: firefox },
  { name: 'webkit', executable: webkitEngine.executable, debianPackage: 'webkit2gtk-driver', requires: webkitEngine.requires, launch: webkit },
]

module.exports = { CONFIGURATIONS }
