'use strict'
// The cookies in check's report: each cookie the cookie model judged (lib/browser/cookies.js),
// per engine, in lines.
const ENGINE_NAMES = {
  chromium: 'Chromium',
  chromiumThirdPartyAllowed: 'Chromium, third-party cookies allowed',
  firefox: 'Firefox',
  webkit: 'WebKit',
}

/** The report's lines for the cookies (made inert by the report). */
function describeCookies(cookies) {
  const lines = []
  for (const cookie of cookies) {
    lines.push(`  ${cookie.name} (${cookie.setBy ? `set by ${cookie.setBy}` : 'held from a first-party visit'})`)
    for (const [engine, verdict] of Object.entries(cookie.engines)) {
      const state = verdict.stored ? (verdict.sent ? 'stored and sent back' : 'stored, NOT sent') : 'NOT stored'
      lines.push(`    ${ENGINE_NAMES[engine]}: ${state}${verdict.reason ? `: ${verdict.reason}` : ''}`)
      if (verdict.fix) lines.push(`      fix: ${verdict.fix}`)
    }
  }
  return lines
}

module.exports = { describeCookies }
