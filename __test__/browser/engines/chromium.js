'use strict'
// Chromium (Debian's chromium) driven by playwright-core, which never downloads a browser.
const { chromium } = require('playwright-core')

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-certificate-errors']

async function launch({ executable, timeoutMs }) {
  const browser = await chromium.launch({ executablePath: executable, args: ARGS, timeout: timeoutMs })
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  return {
    async open(url) {
      const page = await context.newPage()
      const lines = []
      page.on('console', (message) => lines.push(message.text()))
      await page.goto(url)
      return {
        run: (args) => page.evaluate((a) => window.runScenario(a), args),
        takeConsole: () => lines.splice(0),
      }
    },
    close: () => browser.close(),
  }
}

module.exports = { name: 'chromium', debianPackage: 'chromium', executable: '/usr/bin/chromium', launch }
