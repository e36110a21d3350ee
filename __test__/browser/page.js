'use strict'
// What the page server serves: a page whose script runs one scenario's fetch() (the same
// function in every engine, called by the drivers as window.runScenario), and a page holding
// a sandboxed iframe (opaque origin, so its requests carry `Origin: null`) that runs the same
// function when the top page asks it by postMessage.

/**
 * Runs in the page: fetch `url` `repeat` times (the second time with `then` if given),
 * stopping at the first that fails; 'blocked' when fetch rejects (a CORS failure).
 * `fetches` holds each fetch's verdict in order.
 */
async function fetchInPage({ url, init, then, reads = [], repeat = 1 }) {
  let result
  const fetches = []
  for (let i = 0; i < repeat; i++) {
    try {
      const response = await fetch(url, i > 0 && then ? then : init)
      const text = await response.text()
      const read = {}
      for (const name of reads) read[name] = response.headers.get(name)
      fetches.push('ok')
      result = { verdict: 'ok', status: response.status, text, read, fetches }
    } catch (error) {
      fetches.push('blocked')
      return { verdict: 'blocked', error: String(error), fetches }
    }
  }
  return result
}

/** Runs in the page: run in the top page, or in the sandboxed iframe when `frame` says so. */
function runScenario(args) {
  if (args.frame !== 'sandboxed') return fetchInPage(args)
  const frame = document.querySelector('iframe[name=sandboxed]')
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = (event) => resolve(event.data)
    frame.contentWindow.postMessage(args, '*', [channel.port2])
  })
}

function inFrame() {
  onmessage = async (event) => event.ports[0].postMessage(await fetchInPage(event.data))
}

const SCRIPT = `${fetchInPage}\n${runScenario}\nwindow.runScenario = runScenario`
const FRAME = `<!doctype html><title>opaque</title><script>${fetchInPage}\n(${inFrame})()</script>`

function pageHtml() {
  const escaped = FRAME.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  return `<!doctype html><title>conformance</title><script>${SCRIPT}</script>` +
    `<iframe name="sandboxed" sandbox="allow-scripts" srcdoc="${escaped}"></iframe>`
}

module.exports = { pageHtml }
