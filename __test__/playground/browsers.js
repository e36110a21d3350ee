'use strict'
// The two browsers the playground tests drive: Debian's chromium through playwright-core and
// firefox-esr through puppeteer-core (WebDriver BiDi), each opening a page at a given viewport,
// and how a test types into the page.
const { chromium } = require('playwright-core')
const puppeteer = require('puppeteer-core')

const LAUNCH_TIMEOUT = 60_000

const ENGINES = {
  chromium: {
    executable: '/usr/bin/chromium',
    debianPackage: 'chromium',
    launch: () => chromium.launch({ executablePath: '/usr/bin/chromium', timeout: LAUNCH_TIMEOUT, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }),
    newPage: (browser, viewport) => browser.newPage(viewport ? { viewport } : {}),
  },
  firefox: {
    executable: '/usr/bin/firefox-esr',
    debianPackage: 'firefox-esr',
    launch: () => puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, timeout: LAUNCH_TIMEOUT }),
    newPage: async (browser, viewport) => {
      const page = await browser.newPage()
      if (viewport) await page.setViewport(viewport)
      return page
    },
  },
}

/** Sets a control of the playground page as typing would, firing its input event. */
async function setValue(page, selector, value) {
  await page.$eval(selector, (element, next) => {
    if (element.type === 'checkbox') element.checked = next
    else element.value = next
    element.dispatchEvent(new Event('input', { bubbles: true }))
  }, value)
}

module.exports = { ENGINES, setValue }
