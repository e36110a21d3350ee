'use strict'
// check(url, options): send what a browser sends for one fetch() from `options.origin`, judge
// the answers with the browser model, and explain what the page would see.
const { checkOptions, UsageError } = require('./usage')
const { browserFetch, ENGINES } = require('./walk')
const { NetworkError } = require('./http')
const { predict, patch, addressSpace } = require('../browser/model')
const { lookup } = require('dns').promises
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
 * The address space of the address the URL's host connects to (`--resolve`'s, else the one it
 * resolves to), or undefined (the model then reads the host) when it does not resolve in time.
 */
async function resolvedSpace(url, deadline, connect) {
  const target = new URL(url)
  const given = connect?.resolve.get(`${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`)
  if (given) return addressSpace(given)
  const host = target.hostname.replace(/^\[|\]$/g, '')
  let timer
  const late = new Promise((resolve) => { timer = setTimeout(resolve, Math.max(0, deadline - Date.now())) })
  try {
    const found = await Promise.race([lookup(host).catch(() => undefined), late])
    return found ? addressSpace(found.address) : undefined
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Resolves with the documented result object (README, "Debug a CORS error"). Rejects with a
 * UsageError for bad options and a NetworkError when the server cannot be reached in time.
 */
async function check(url, options) {
  const { request, body, timeoutMs, probes, cookies: held, connect } = checkOptions(url, options)
  const deadline = Date.now() + timeoutMs
  request.serverAddressSpace ??= await resolvedSpace(request.url, deadline, connect)
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
    addressSpaces: {
      page: request.pageAddressSpace ?? (request.origin === 'null' ? null : addressSpace(new URL(request.origin).hostname)),
      server: request.serverAddressSpace ?? addressSpace(new URL(request.url).hostname),
      target: request.targetAddressSpace ?? null,
    },
    permissions: { 'loopback-network': request.permissions['loopback-network'] ?? 'prompt', 'local-network': request.permissions['local-network'] ?? 'prompt' },
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
