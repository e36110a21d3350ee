'use strict'
// DEBUG=cors-native (or DEBUG=*) logs why requests were refused, at most 10 lines per 10
// seconds so a flood of bad requests cannot flood the log. A line names the request, the
// reason with the closest configured entry, what Chromium will print, and the fix.
const { browserVerdicts, SOME_URL } = require('../browser/verdict')
const { isPreflight } = require('./preflight')
const WINDOW_MS = 10_000
const LINES_PER_WINDOW = 10

function enabledFor(debug) {
  return typeof debug === 'string' && debug.split(',').some((name) => ['cors-native', '*'].includes(name.trim()))
}

function createRefusalLog(debug = process.env.DEBUG, write = (line) => process.stderr.write(`${line}\n`)) {
  if (!enabledFor(debug)) return null
  let windowStart = 0
  let lines = 0
  let dropped = 0
  return function logRefusal(request, decision, reasons) {
    const now = Date.now()
    if (now - windowStart >= WINDOW_MS) {
      if (dropped > 0) write(`cors-native: ${dropped} more refusals not logged`)
      windowStart = now
      lines = 0
      dropped = 0
    }
    if (lines >= LINES_PER_WINDOW) {
      dropped++
      return
    }
    lines++
    write(refusalLine(request, decision, reasons))
  }
}

function refusalLine(request, decision, reasons) {
  const preflight = isPreflight(request.method, request.requestMethod)
  const method = preflight ? request.requestMethod : request.method
  const what = `${preflight ? `preflight for ${method}` : method} ${request.url ?? SOME_URL} from ${request.origin ?? '(no Origin)'}`
  let line = `cors-native: refused ${what}: ${reasons.join('; ')}`
  const chromium = browserVerdicts({ url: request.url, origin: request.origin, method, requestHeaders: request.requestHeaders }, preflight ? decision : null, preflight ? null : decision)?.chromium
  if (chromium && !chromium.allowed) line += `. Chromium will say: "${chromium.console}" Fix: ${chromium.fix}`
  return line
}

module.exports = { createRefusalLog }
