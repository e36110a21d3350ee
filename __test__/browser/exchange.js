'use strict'
// One run as data, for a browser model to predict: the page's request and what the server
// saw and answered, in the order it saw it. `log` is the recording proxy's list of
// { method, url, headers, response: { status, headers } } for this run only.

const headerOf = (headers, name) => headers?.find(([key]) => key.toLowerCase() === name)?.[1]
const isPreflight = (entry) => entry.method === 'OPTIONS' && headerOf(entry.headers, 'access-control-request-method') !== undefined

/**
 * `request.headers` are the ones the page set (init.headers); the origin and method are those
 * the server saw when the request reached it. With `repeat`, the first fetch's exchange.
 */
function buildExchange({ url, init, origin }, log) {
  const preflight = log.find(isPreflight)
  const actual = log.filter((entry) => !isPreflight(entry))
  const nextFetch = actual.findIndex((entry, i) => i > 0 && entry.url === url)
  const chain = nextFetch === -1 ? actual : actual.slice(0, nextFetch)
  const seen = chain[0] ?? preflight
  return {
    request: {
      url,
      origin: headerOf(seen?.headers, 'origin') ?? origin,
      method: chain[0]?.method ?? init.method ?? 'GET',
      headers: Object.entries(init.headers ?? {}),
      credentials: init.credentials ?? 'same-origin',
    },
    preflight: preflight ? { status: preflight.response?.status, headers: preflight.response?.headers ?? [] } : null,
    responses: chain.map((entry) => ({ url: entry.url, status: entry.response?.status, headers: entry.response?.headers ?? [] })),
  }
}

module.exports = { buildExchange, headerOf, isPreflight }
