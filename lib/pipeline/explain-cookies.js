'use strict'
// explain()'s cookies: the Set-Cookie values the app's response adds, judged by the cookie
// model on the exchange explain() built (lib/browser/cookies.js, as `check` judges them), and
// the note the policy itself owes: cookies across origins need its `credentials: true`.
const { cookiesOf } = require('../browser/cookies')
const { exchangeOf } = require('../browser/verdict')
const { originOf } = require('../browser/model')

const quoted = (value) => JSON.stringify(value)?.slice(0, 100) ?? String(value)

/** The `cookies` option checked against the rest of the request: the list, [] when absent. */
function cookiesOption({ cookies, url, origin }) {
  if (cookies === undefined) return []
  if (!Array.isArray(cookies)) throw new TypeError(`explain(): cookies must be an array of Set-Cookie values, such as cookies: ['sid=1; Secure; SameSite=None'], not ${quoted(cookies)}`)
  cookies.forEach((cookie, i) => {
    if (typeof cookie !== 'string') throw new TypeError(`explain(): cookies[${i}] must be a Set-Cookie value (a string such as 'sid=1; Secure'), not ${quoted(cookie)}`)
  })
  if (cookies.length === 0) return cookies
  if (url === undefined) throw new TypeError("explain(): cookies need url, the API's URL whose response sets them (url: 'https://api.example.com/login'): whether a browser keeps a cookie depends on the API's site and the page's")
  if (originOf(url) === null) throw new TypeError(`explain(): url must be the API's absolute http(s) URL, such as 'https://api.example.com/login', not ${quoted(url)}`)
  if (typeof origin !== 'string' || origin === '') throw new TypeError("explain(): cookies need origin, the page's origin as the browser sends it (origin: 'https://app.example.com')")
  return cookies
}

function allowsCredentials(decision) {
  for (let i = 0; i < decision.headers.length; i += 2) {
    if (decision.headers[i] === 'Access-Control-Allow-Credentials' && decision.headers[i + 1] === 'true') return true
  }
  return false
}

/**
 * `request` as explain() read it (with `cookies` checked), `preflight` and `actual` the
 * policy's Decisions. Returns `{ cookies, problems }`: each cookie per engine (check.d.ts's
 * `CheckedCookie`), and the notes (`{ code, message }`).
 */
function explainCookies(policy, request, preflight, actual) {
  if (request.cookies.length === 0) return { cookies: [], problems: [] }
  const { cookies, findings } = cookiesOf(exchangeOf(request, preflight, actual), [])
  if (cookies.length < request.cookies.length) {
    throw new TypeError(`explain(): cookies lists ${request.cookies.length} values, more than the cookie model judges for one response (${cookies.length})`)
  }
  const problems = []
  if (originOf(request.url) !== request.origin && !allowsCredentials(actual)) {
    const fix = policy?.engineFix('allow-credentials-not-true', request.origin, request.method, '') ?? 'set credentials: true'
    problems.push({
      code: 'credentials-not-allowed',
      message: `the response sets ${cookies.length === 1 ? 'a cookie' : `${cookies.length} cookies`} (${cookies.map((c) => c.name).join(', ')}), but the policy does not allow credentials (it sends no Access-Control-Allow-Credentials: true), which a page on another origin needs to use them: ${fix}`,
    })
  }
  return { cookies, problems: [...problems, ...findings] }
}

module.exports = { cookiesOption, explainCookies }
