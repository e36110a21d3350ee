'use strict'
// Problems that show up as a CORS error but are not CORS, or that CORS hides: the server's
// real answer, which the page never gets to read.
const { headerValue } = require('./http')
const { originOf } = require('../browser/model')
const { bodyStart } = require('./body-start')

const hasAllowOrigin = (response) => headerValue(response.headers, 'access-control-allow-origin') !== undefined

function preflightProblems(preflight, server) {
  const problems = []
  if (!preflight || (preflight.status >= 200 && preflight.status < 300)) {
    if (preflight && server === 'next' && !hasAllowOrigin(preflight) && headerValue(preflight.headers, 'allow') !== undefined) {
      problems.push({ code: 'forgotten-options', message: `OPTIONS got ${preflight.status} with an Allow header and no CORS headers: the framework answered the preflight, not the CORS layer` })
    }
    return problems
  }
  const status = preflight.status
  if (status === 401 || status === 403) {
    problems.push({ code: 'preflight-refused', message: `OPTIONS got ${status}: authentication or a permission check runs before CORS (browsers never send credentials on a preflight)${preflight.body ? `; it said: ${bodyStart(preflight.body)}` : ''}` })
  } else if (status === 404 || status === 405 || status === 501) {
    problems.push({ code: 'preflight-not-routed', message: `OPTIONS got ${status}: nothing answers OPTIONS on this path, so the CORS layer never sees the preflight` })
  } else if (status >= 300 && status < 400) {
    problems.push({ code: 'preflight-redirect', message: `OPTIONS got ${status} to ${headerValue(preflight.headers, 'location')}: browsers never follow a redirect on a preflight; call the final URL` })
  } else if (preflight.body) {
    problems.push({ code: 'server-refusal', message: `the server refused the preflight with ${status}: ${bodyStart(preflight.body)}` })
  }
  return problems
}

function resolve(location, base) {
  try {
    return new URL(location, base).href
  } catch {
    return undefined
  }
}

/** `refusedRedirect`: the index of the redirect Chromium refused, if it refused one. */
function responseProblems(responses, method, refusedRedirect) {
  const problems = []
  for (const [index, response] of responses.entries()) {
    // The browser stops at a redirect it refuses, so that target was never fetched.
    const target = responses[index + 1]?.url ?? (index === refusedRedirect ? resolve(headerValue(response.headers, 'location'), response.url) : undefined)
    if (target !== undefined && !hasAllowOrigin(response)) {
      const from = new URL(response.url)
      const to = new URL(target)
      if (from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname) {
        problems.push({ code: 'https-redirect', message: `${response.url} redirects (${response.status}) to https without CORS headers: call ${target} directly` })
      } else if (originOf(response.url) === originOf(target) && from.pathname.replace(/\/$/, '') === to.pathname.replace(/\/$/, '')) {
        problems.push({ code: 'slash-redirect', message: `${response.url} redirects (${response.status}) to ${target} (trailing slash) without CORS headers: call the final URL directly` })
      }
    }
  }
  const final = responses.at(-1)
  if (!final) return problems
  if (final.status >= 500) {
    problems.push(hasAllowOrigin(final)
      ? { code: 'server-error', message: `the server failed with ${final.status} (the page can read it): ${bodyStart(final.body)}` }
      : { code: 'server-error', message: `the server failed with ${final.status} and the error response has no CORS headers, so the browser shows a CORS error instead: ${bodyStart(final.body)}` })
  } else if (final.status === 403 && /CSRF/i.test(final.body)) {
    problems.push({ code: 'csrf', message: `CORS ${hasAllowOrigin(final) ? 'passed' : 'is not the only problem'}: the server's CSRF protection refused the ${method} (403): ${bodyStart(final.body)}` })
  } else if (final.status === 405 && !hasAllowOrigin(final)) {
    problems.push({ code: 'method-not-allowed', message: `${method} got 405 without CORS headers: the route does not handle ${method}` })
  } else if (final.status === 401 && !hasAllowOrigin(final)) {
    problems.push({ code: 'unauthorized', message: `the request got 401 without CORS headers: the authentication layer answers before the CORS layer adds its headers` })
  } else if (final.status >= 400 && !hasAllowOrigin(final) && final.body) {
    problems.push({ code: 'server-refusal', message: `the server answered ${final.status}: ${bodyStart(final.body)}` })
  }
  return problems
}

const LISTS = { 'method-not-allowed': 'access-control-allow-methods', 'header-not-allowed': 'access-control-allow-headers' }

/** With credentials a `*` list is taken literally; servers that send one mean "anything". */
function literalWildcard(exchange, prediction) {
  const { failure, step, hop } = prediction.engines.chromium
  const list = LISTS[failure]
  // The failed preflight: the page's own, or the one sent to a redirect's target.
  const preflight = hop === null ? exchange.preflight : exchange.responses[hop]?.preflight
  if (!list || step !== 'preflight' || !preflight) return []
  if (!(headerValue(preflight.headers, list) ?? '').split(',').some((item) => item.trim() === '*')) return []
  return [{ code: 'literal-wildcard', message: `${list.replace(/(^|-)\w/g, (c) => c.toUpperCase())} is * on a credentialed request, where browsers read it as a name, not a wildcard` }]
}

/** `exchange` as the model takes it, with bodies; `prediction` the model's answer. */
function findProblems(exchange, server, prediction) {
  return [
    ...preflightProblems(exchange.preflight, server),
    ...literalWildcard(exchange, prediction),
    ...responseProblems(exchange.responses, exchange.request.method.toUpperCase(), prediction.engines.chromium.step === 'redirect' ? prediction.engines.chromium.hop : undefined),
  ]
}

module.exports = { findProblems }
