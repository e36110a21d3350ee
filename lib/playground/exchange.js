'use strict'
// Turns what the playground's API origin recorded into the browser model's exchange shape.

const { isPreflight } = require('../pipeline/preflight')

const text = (value) => (Array.isArray(value) ? value.join(', ') : String(value))

/**
 * `request`: what the page asked fetch() for ({ url, origin, method, headers, credentials });
 * `log`: the API origin's records since the page reset it, in order.
 */
function exchangeFor(request, log) {
  const preflightOf = (entry) => isPreflight(entry.request.method, entry.request.headers.find(([name]) => name === 'access-control-request-method')?.[1])
  const answer = (entry) => ({
    url: new URL(entry.request.url, request.url).href,
    status: entry.response.status,
    headers: entry.response.headers.map(([name, value]) => [name, text(value)]),
  })
  const preflight = log.find(preflightOf)
  return {
    request: {
      url: request.url,
      origin: request.origin,
      method: request.method,
      headers: Object.entries(request.headers ?? {}),
      credentials: request.credentials,
    },
    preflight: preflight ? answer(preflight) : null,
    responses: log.filter((entry) => !preflightOf(entry)).map(answer),
  }
}

module.exports = { exchangeFor }
