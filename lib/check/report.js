'use strict'
// The human-readable form of a check's result. Much of it comes from the server (bodies,
// header values, URLs), so every line is made inert before it reaches a terminal.
const { describeCookies } = require('./cookies')

const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }

// C0 and C1 controls (escape sequences, CR), line and paragraph separators, and the bidi
// marks, embeddings, overrides and isolates that can reorder what a terminal shows.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** `text` with every character that could move the cursor or reorder text written as `\x1b` or `\u202e`. */
function visible(text) {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** A hop's answer; a HAR may record a request as failed (`failure`) with no answer. */
function status({ response, failure }) {
  if (response) return String(response.status)
  return failure ? `failed (${failure}), no answer recorded` : 'not sent'
}

/** What a preflight asks, as sent: `Access-Control-Request-Method: PUT, ...`. */
function asked(request) {
  return request.headers.filter(([name]) => name.startsWith('Access-Control-Request')).map(([n, v]) => `${n}: ${v}`).join(', ')
}

function describe(result) {
  const lines = []
  const { exchanges } = result
  lines.push(`${result.method} ${result.url}`)
  lines.push(`  from origin ${result.origin}, credentials: ${result.credentials}`)
  if (result.server) lines.push(`  server: ${result.server.label}${result.server.confidence === 'high' ? '' : ', not certain'} (${result.server.evidence.join('; ')})`)
  if (exchanges.preflight) {
    lines.push(`  preflight: OPTIONS (${asked(exchanges.preflight.request)}) -> ${status(exchanges.preflight)}`)
  } else {
    lines.push(result.preflightNeeded === false ? '  preflight: not needed' : '  preflight: none recorded')
  }
  if (exchanges.actual.length === 0) lines.push(exchanges.preflight ? '  actual request: not sent (the preflight failed)' : '  nothing sent: the browser refuses before sending')
  for (const hop of exchanges.actual) {
    lines.push(`  ${hop.request.method} ${hop.request.url} -> ${status(hop)}`)
    if (hop.preflight) lines.push(`  preflight to the redirect's target: OPTIONS ${hop.preflight.request.url} (${asked(hop.preflight.request)}) -> ${status(hop.preflight)}`)
  }
  lines.push('')
  for (const [name, verdict] of Object.entries(result.engines)) {
    if (verdict.allowed) {
      lines.push(`${ENGINE_NAMES[name]}: allowed${verdict.preflightCacheSeconds !== null ? ` (preflight cached ${verdict.preflightCacheSeconds} s)` : ''}`)
      if (verdict.prompt) lines.push('  the user will be asked for local network access first; this is what follows if they allow it')
      if (verdict.deviation) lines.push(`  note: ${verdict.deviation}`)
    } else {
      lines.push(`${ENGINE_NAMES[name]}: BLOCKED${verdict.step ? ` at the ${verdict.step}` : ' before sending'}`)
      if (verdict.prompt) lines.push('  the user will be asked for local network access first; this is what follows if they allow it')
      lines.push(`  console: ${verdict.console}`)
      lines.push(`  fix: ${verdict.fix}`)
    }
  }
  if (result.fix) lines.push('', `Fix${result.fix.stack ? ` for ${result.server.label}` : ''}: ${result.fix.text}`)
  if (result.problems.length) {
    lines.push('', 'Not CORS, or hidden by it:')
    for (const problem of result.problems) lines.push(`  - ${problem.message}`)
  }
  if (result.cookies.length) {
    lines.push('', 'Cookies (stored from the response, and sent back on this fetch repeated):', ...describeCookies(result.cookies))
  }
  if (result.unsafe.length) {
    lines.push('', 'Works but unsafe:')
    for (const finding of result.unsafe) lines.push(`  - ${finding.message}`)
  }
  return lines.map(visible).join('\n')
}

module.exports = { describe, visible }
