'use strict'
// check(url, options): send what a browser sends for one fetch() from `options.origin`, judge
// the answers with the browser model, and explain what the page would see.
const { checkOptions, UsageError } = require('./options')
const { browserFetch } = require('./walk')
const { NetworkError } = require('./http')
const { predict } = require('../browser/model')
const { fingerprint } = require('./fingerprint')
const { findProblems } = require('./problems')
const { findUnsafe } = require('./probes')
const { serverFix } = require('./fixes')

const ENGINES = ['chromium', 'firefox', 'webkit']
const FORMAT_VERSION = 1

const exchangeOf = (sent, response) => ({ request: sent, response })

/**
 * Resolves with the documented result object (README, "Debug a CORS error"). Rejects with a
 * UsageError for bad options and a NetworkError when the server cannot be reached in time.
 */
async function check(url, options) {
  const { request, body, timeoutMs, probes } = checkOptions(url, options)
  const deadline = Date.now() + timeoutMs
  const { exchange, sent } = await browserFetch(request, { body, deadline })
  const prediction = predict(exchange)
  const server = fingerprint([
    ...(exchange.preflight ? [{ ...exchange.preflight, preflight: true }] : []),
    ...exchange.responses,
  ])
  const problems = findProblems(exchange, server?.name, prediction)
  // The probes do not follow redirects, so only an unredirected answer is compared with them.
  const direct = exchange.responses.length === 1 ? exchange.responses[0] : undefined
  const unsafe = probes ? await findUnsafe(request, prediction, direct, deadline) : []
  const blocked = ENGINES.map((name) => prediction.engines[name]).find((verdict) => !verdict.allowed) ?? null
  const engines = Object.fromEntries(ENGINES.map((name) => [name, verdict(prediction.engines[name])]))
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
    fix: serverFix(server?.name, { request, asked: prediction, blocked, problems: problems.map((p) => p.code) }),
    problems,
    unsafe,
    exchanges: {
      preflight: sent.preflight ? exchangeOf(sent.preflight, exchange.preflight) : null,
      actual: sent.actual.map((hop, i) => exchangeOf(hop, exchange.responses[i])),
    },
  }
}

function verdict(engine) {
  return {
    allowed: engine.allowed,
    step: engine.step ?? null,
    hop: engine.hop ?? null,
    failure: engine.failure ?? null,
    console: engine.console ?? null,
    fix: engine.fix ?? null,
    preflightCacheSeconds: engine.preflightCacheSeconds ?? null,
    deviation: engine.deviation ?? null,
  }
}

module.exports = { check, UsageError, NetworkError, FORMAT_VERSION }
