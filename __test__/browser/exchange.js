'use strict'
// One fetch as data, for a browser model to predict: the page's request and what the server
// saw and answered, in the order it saw it. `log` is the recording proxy's list of
// { method, url, headers, response: { status, headers } } for one run (one or more fetches).

const { isPreflight: isPreflightRequest } = require('../../lib/pipeline/preflight')

const headerOf = (headers, name) => headers?.find(([key]) => key.toLowerCase() === name)?.[1]
const isPreflight = (entry) => isPreflightRequest(entry.method, headerOf(entry.headers, 'access-control-request-method'))

const answer = (entry) => ({ url: entry.url, status: entry.response?.status, headers: entry.response?.headers ?? [] })

/**
 * The log of a run cut into one part per fetch: the next fetch starts at the next request
 * for `url` (its preflight or itself) once the current fetch's actual request went out.
 */
function splitByFetch(url, log) {
  const parts = []
  let current
  for (const entry of log) {
    if (!current || (entry.url === url && current.some((seen) => !isPreflight(seen)))) parts.push(current = [])
    current.push(entry)
  }
  return parts
}

/**
 * One fetch's exchange from its part of the log. `request.headers` are the ones the page set
 * (init.headers); the origin and method are those the server saw when the request reached it.
 * A preflight sent after a redirect (to the redirect's target) rides on that redirect.
 */
function buildExchange({ url, init, origin }, log) {
  let preflight = null
  const responses = []
  for (const entry of log) {
    if (!isPreflight(entry)) responses.push(answer(entry))
    else if (responses.length === 0) preflight ??= { status: entry.response?.status, headers: entry.response?.headers ?? [] }
    else responses.at(-1).preflight = answer(entry)
  }
  const seen = log.find((entry) => !isPreflight(entry)) ?? log[0]
  return {
    request: {
      url,
      origin: headerOf(seen?.headers, 'origin') ?? origin,
      method: log.find((entry) => !isPreflight(entry))?.method ?? init.method ?? 'GET',
      headers: Object.entries(init.headers ?? {}),
      credentials: init.credentials ?? 'same-origin',
    },
    preflight,
    responses,
  }
}

/** The exchange of each of the run's `count` fetches (the second and later with `then`). */
function buildExchanges({ url, init, then, origin }, log, count) {
  const parts = splitByFetch(url, log)
  return Array.from({ length: count }, (_, i) => buildExchange({ url, init: i > 0 && then ? then : init, origin }, parts[i] ?? []))
}

module.exports = { buildExchanges, headerOf, isPreflight }
