'use strict'
// What Chromium, Firefox and WebKit will do with the answers a policy gives: the browser model
// asked about one exchange built from pipeline Decisions, for explain() and the DEBUG lines.
const { predict } = require('./model')

/** The URL used in console lines when the real one is not known. */
const SOME_URL = 'https://api.example/'

function headerPairs(decision) {
  const pairs = []
  for (let i = 0; i < decision.headers.length; i += 2) pairs.push([decision.headers[i], decision.headers[i + 1]])
  return pairs
}

function answer(decision, url) {
  return { url, status: decision.end ? decision.status : 200, headers: headerPairs(decision) }
}

/** Comma-separated header names as the page's headers; the model decides which are safelisted. */
function pageHeaders(requestHeaders) {
  return (requestHeaders ?? '').split(',').map((name) => name.trim()).filter(Boolean).map((name) => [name, '1'])
}

/**
 * The exchange the model judges. `request`: { url, origin, method, requestHeaders
 * (comma-separated names), credentials, cookies (the Set-Cookie values the actual response
 * adds) }; `preflight`: the preflight's Decision, or null when none is sent; `actual`: the
 * actual request's Decision, or null when it is not sent.
 */
function exchangeOf({ url = SOME_URL, origin, method, requestHeaders, credentials = false, cookies = [] }, preflight, actual) {
  return {
    request: { url, origin, method, headers: pageHeaders(requestHeaders), credentials: credentials ? 'include' : 'same-origin' },
    preflight: preflight === null ? null : answer(preflight, url),
    responses: actual === null ? [] : [{ ...answer(actual, url), headers: [...headerPairs(actual), ...cookies.map((cookie) => ['Set-Cookie', cookie])] }],
  }
}

/** The per-engine verdicts `{ chromium, firefox, webkit }` on `exchangeOf`'s exchange, or null without an origin to judge. */
function browserVerdicts(request, preflight, actual) {
  if (typeof request.origin !== 'string' || request.origin === '') return null
  return predict(exchangeOf(request, preflight, actual)).engines
}

module.exports = { browserVerdicts, exchangeOf, pageHeaders, SOME_URL }
