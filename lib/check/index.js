'use strict'
// check(url, options): send what a browser sends for one fetch() from `options.origin`, judge
// the answers with the browser model, and explain what the page would see.
const { checkOptions, UsageError } = require('./usage')
const { browserFetch, ENGINES } = require('./walk')
const { NetworkError } = require('./http')
const { predict, patch } = require('../browser/model')
const { fingerprint } = require('./fingerprint')
const { findProblems } = require('./problems')
const { findUnsafe } = require('./probes')
const { serverFix } = require('./fixes')
const { cookiesOf } = require('../browser/cookies')

const FORMAT_VERSION = 2

const exchangeOf = ({ request, response }) => ({ request, response })

/**
 * What Chromium sent, as the report shows it: the page's preflight, then each hop of the
 * actual request; a preflight sent to a redirect's target goes on that redirect.
 */
function exchangesOf(sent) {
  const exchanges = { preflight: null, actual: [] }
  for (const step of sent) {
    if (step.purpose === 'actual') exchanges.actual.push(exchangeOf(step))
    else if (exchanges.actual.length === 0) exchanges.preflight = exchangeOf(step)
    else exchanges.actual.at(-1).preflight = exchangeOf(step)
  }
  return exchanges
}

/**
 * Resolves with the documented result object (README, "Debug a CORS error"). Rejects with a
 * UsageError for bad options and a NetworkError when the server cannot be reached in time.
 */
async function check(url, options) {
  const { request, body, timeoutMs, probes, cookies: held, connect } = checkOptions(url, options)
  const deadline = Date.now() + timeoutMs
  const walks = await browserFetch(request, { body, deadline, connect })
  // Each engine is judged on its own walk; they differ where engines send different requests.
  const predictions = Object.fromEntries(ENGINES.map((name) => [name, predict(walks[name].exchange)]))
  const { exchange } = walks.chromium
  const prediction = { ...predictions.chromium, engines: Object.fromEntries(ENGINES.map((name) => [name, predictions[name].engines[name]])) }
  const server = fingerprint([
    ...(exchange.preflight ? [{ ...exchange.preflight, preflight: true }] : []),
    ...exchange.responses,
  ])
  const problems = findProblems(exchange, server?.name, prediction)
  // The probes do not follow redirects, so only an unredirected answer is compared with them.
  const direct = exchange.responses.length === 1 ? exchange.responses[0] : undefined
  const unsafe = probes ? await findUnsafe(request, direct, deadline, connect) : []
  const cookies = cookiesOf(exchange, held)
  const { engines } = prediction
  const blocked = ENGINES.map((name) => engines[name]).find((verdict) => !verdict.allowed) ?? null
  const fixed = blocked ? patch(Object.fromEntries(ENGINES.map((name) => [name, walks[name].exchange]))) : null
  const fix = serverFix(server, { request, asked: prediction, blocked, problems: problems.map((p) => p.code), exchange, fixed })
  return {
    version: FORMAT_VERSION,
    url: request.url,
    origin: request.origin,
    method: prediction.requestMethod,
    credentials: request.credentials,
    requestHeaders: request.headers,
    allowed: ENGINES.every((name) => engines[name].allowed),
    preflightNeeded: prediction.preflightNeeded,
    engines,
    server,
    fix,
    patch: fixed?.patch ?? null,
    patchVerdicts: fixed?.verdicts ?? null,
    requestFix: fixed?.blocker?.code === 'null-origin' ? { url: fixed.blocker.url, text: fixed.text } : null,
    problems: [...problems, ...cookies.findings],
    unsafe,
    cookies: cookies.cookies,
    exchanges: exchangesOf(walks.chromium.sent),
  }
}

module.exports = { check, UsageError, NetworkError, FORMAT_VERSION }
