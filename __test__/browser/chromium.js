'use strict'
// Headless Chromium for the conformance tests: Debian's chromium driven by playwright-core
// (which never downloads a browser), and the fetch the page runs for a scenario.
const { chromium } = require('playwright-core')

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** Runs in the page: fetch `url` `repeat` times; 'blocked' when fetch rejects (a CORS failure). */
function fetchInPage({ url, init, reads, repeat = 1 }) {
  return (async () => {
    let result
    for (let i = 0; i < repeat; i++) {
      try {
        const response = await fetch(url, init)
        const text = await response.text()
        result = { verdict: 'ok', status: response.status, text, read: Object.fromEntries(reads.map((name) => [name, response.headers.get(name)])) }
      } catch (error) {
        return { verdict: 'blocked', error: String(error) }
      }
    }
    return result
  })()
}

module.exports = { launchChromium, fetchInPage }
