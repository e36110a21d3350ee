'use strict'
// Turns what the playground's API origin recorded into the browser model's exchange shape.

const { isPreflight } = require('../pipeline/preflight')

const text = (value) => (Array.isArray(value) ? value.join(', ') : String(value))

const preflightOf = (entry) => isPreflight(entry.request.method, entry.request.headers.find(([name]) => name === 'access-control-request-method')?.[1])

/**
 * The log as the page draws it: each entry with whether it is a preflight and its hop (the index
 * of the actual request's response it is, or follows for a preflight sent to a redirect's target).
 */
function messagesFor(log) {
  let hop = -1
  return log.map((entry) => {
    const preflight = preflightOf(entry)
    if (!preflight) hop++
    return { ...entry, preflight, hop: hop === -1 ? null : hop }
  })
}

/** The index in `messages` of the one where `verdict` (an engine's) was blocked, or null. */
function blockedAt(messages, verdict) {
  if (verdict.allowed) return null
  const index = messages.findIndex((message) => message.preflight === (verdict.step === 'preflight') && message.hop === verdict.hop)
  return index === -1 ? null : index
}

/**
 * `request`: what the page asked fetch() for ({ url, origin, method, headers, credentials });
 * `log`: the API origin's records since the page reset it, in order.
 */
function exchangeFor(request, log) {
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

module.exports = { exchangeFor, messagesFor, blockedAt }
