'use strict'
// DEBUG=cors-native (or DEBUG=*) logs why requests were refused, at most 10 lines per 10
// seconds so a flood of bad requests cannot flood the log.
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
  return function logRefusal(method, origin, reasons) {
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
    write(`cors-native: refused ${method} from ${JSON.stringify(origin)}: ${reasons.join('; ')}`)
  }
}

module.exports = { createRefusalLog }
