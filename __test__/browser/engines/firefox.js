'use strict'
// Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi: no geckodriver.
const puppeteer = require('puppeteer-core')

async function launch({ executable, timeoutMs }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executable,
    headless: true,
    timeout: timeoutMs,
    acceptInsecureCerts: true,
  })
  return {
    async open(url) {
      const page = await browser.newPage()
      const lines = []
      page.on('console', (message) => lines.push(message.text()))
      page.on('pageerror', (error) => lines.push(error.message)) // CORS errors come as script errors
      await page.goto(url)
      return {
        run: (args) => page.evaluate((a) => window.runScenario(a), args),
        takeConsole: () => lines.splice(0),
      }
    },
    close: () => browser.close(),
  }
}

module.exports = { name: 'firefox', debianPackage: 'firefox-esr', executable: '/usr/bin/firefox-esr', launch }
