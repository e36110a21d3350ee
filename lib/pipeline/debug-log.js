'use strict'
// DEBUG=cors-native (or DEBUG=*, cors*, ...) logs why requests were refused, at most 10 lines per 10
// seconds so a flood of bad requests cannot flood the log. A line names the request, the
// reason with the closest configured entry, what Chromium will print, and the fix: the
// policy's edit of the options when it has one (the origin, strict mode's methods and
// headers), else the browser model's.
const { browserVerdicts, SOME_URL } = require('../browser/verdict')
const { isPreflight } = require('./preflight')
const WINDOW_MS = 10_000
const LINES_PER_WINDOW = 10

// DEBUG is read as the debug package reads it: entries separated by commas or whitespace,
// `*` matching any run of characters, and a `-entry` excluding what it matches, whatever
// the order. (Not the package itself: it reads DEBUG once at load, and is a dependency.)
function enabledFor(debug, name = 'cors-native') {
  if (typeof debug !== 'string') return false
  const entries = debug.split(/[\s,]+/).filter(Boolean)
  if (entries.some((entry) => entry[0] === '-' && globMatches(name, entry.slice(1)))) return false
  return entries.some((entry) => entry[0] !== '-' && globMatches(name, entry))
}

// The text before the first `*` must start `name`, the text after the last one must end it,
// and the pieces between must occur in order, without overlapping, in what is left.
function globMatches(name, glob) {
  const pieces = glob.split('*')
  if (pieces.length === 1) return name === glob
  const head = pieces[0]
  const tail = pieces[pieces.length - 1]
  const end = name.length - tail.length
  if (end < head.length || !name.startsWith(head) || !name.endsWith(tail)) return false
  let at = head.length
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, at)
    if (found < 0 || found + piece.length > end) return false
    at = found + piece.length
  }
  return true
}

function createRefusalLog(debug = process.env.DEBUG, write = (line) => process.stderr.write(`${line}\n`)) {
  if (!enabledFor(debug)) return null
  let windowStart = 0
  let lines = 0
  let dropped = 0
  return function logRefusal(request, decision, reasons, fix = null) {
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
    write(refusalLine(request, decision, reasons, fix))
  }
}

function refusalLine(request, decision, reasons, fix) {
  const preflight = isPreflight(request.method, request.requestMethod)
  const method = preflight ? request.requestMethod : request.method
  const what = `${preflight ? `preflight for ${method}` : method} ${request.url ?? SOME_URL} from ${request.origin ?? '(no Origin)'}`
  let line = `cors-native: refused ${what}: ${reasons.join('; ')}`
  const chromium = browserVerdicts({ url: request.url, origin: request.origin, method, requestHeaders: request.requestHeaders }, preflight ? decision : null, preflight ? null : decision)?.chromium
  if (chromium && !chromium.allowed) line += `. Chromium will say: "${chromium.console}" Fix: ${fix ?? chromium.fix}`
  return line
}

module.exports = { createRefusalLog, enabledFor }
