'use strict'
// The cookies of a check: what each engine does with every Set-Cookie it received (each hop)
// and with the cookies `--cookie` says the browser holds, from the cookie model (src/cookie/),
// and the notes a page needs when its session cannot work as written.
const { cookieReport, crossSiteCookieNote } = require('../browser/model')

const ENGINE_NAMES = {
  chromium: 'Chromium',
  chromiumThirdPartyAllowed: 'Chromium, third-party cookies allowed',
  firefox: 'Firefox',
  webkit: 'WebKit',
}

/**
 * `exchange` as the model walked it, `held` the `--cookie` values. Returns `{ cookies, findings }`:
 * `cookies` as check.d.ts types them, `findings` `[{ code, message }]` for `problems`.
 */
function cookiesOf(exchange, held) {
  const cookies = cookieReport(exchange, held)
  const { request } = exchange
  const findings = []
  const received = cookies.filter((cookie) => cookie.setBy !== null)
  const storedNowhere = (cookie) => Object.values(cookie.engines).every((verdict) => !verdict.stored)
  if (request.credentials !== 'include' && received.length > 0 && received.every(storedNowhere)) {
    findings.push({
      code: 'cookies-need-credentials',
      message: `the response sets ${received.length === 1 ? 'a cookie' : `${received.length} cookies`} (${received.map((c) => c.name).join(', ')}) that no browser stores from this fetch: the page's fetch needs credentials: 'include' (axios: withCredentials: true), and the server Access-Control-Allow-Credentials: true with the exact origin`,
    })
  }
  const note = crossSiteCookieNote(request.origin, request.url)
  const failing = cookies.filter((cookie) => Object.values(cookie.engines).some((verdict) => !verdict.sent))
  if (note && request.credentials === 'include' && failing.length > 0) {
    findings.push({ code: 'cross-site-cookies', message: `${failing.map((c) => c.name).join(', ')}: ${note}` })
  }
  return { cookies, findings }
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

module.exports = { cookiesOf, describeCookies }
