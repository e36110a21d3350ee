'use strict'
// The cookies of an exchange, for `check` and explain(): what each engine does with every
// Set-Cookie of its responses (each hop) and with the cookies the browser already holds, from
// the cookie model (src/cookie/), and the notes a page needs when its session cannot work as
// written.
const { cookieReport, crossSiteCookieNote } = require('./model')

/**
 * `exchange` in the shape `predict` takes, `held` the cookies the browser already holds.
 * Returns `{ cookies, findings }`: `cookies` as check.d.ts types them (`CheckedCookie`),
 * `findings` `[{ code, message }]`.
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

module.exports = { cookiesOf }
