'use strict'
// What a request gets: the one value the pipeline hands to every adapter. `headers` is a flat
// [name, value, name, value, ...] list in the order cors@2.8.6 writes them; a `Vary` entry is
// merged into any Vary already set (as cors does through `vary`), every other one is set.

const STRICT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'
const TEXT_PLAIN = 'text/plain; charset=utf-8'

/**
 * @param {boolean} end true: answer now with `status` and `body`; false: go on to the handler
 * @param {number} status the status a preflight is answered with (also for `cors.OPTIONS`)
 * @param {string[]} headers the flat header list to write
 * @param {string | null} body the text/plain reason of a strict refusal
 * @param {string | undefined} allowOrigin the origin the policy allows this request
 *   (written as Access-Control-Allow-Origin unless the request is refused with a 403)
 * @param {boolean} varyOrigin whether the answer depends on the request's origin
 * @param {object} explainer says why an origin is refused and what to change in the options:
 *   `originRefusalReasons(origin)`, `originRefusalFix(origin)` (null: no fix of that kind)
 * @param {string | null} fix a strict refusal's fix: the options as edited to allow it
 */
function decision(end, status, headers, body, allowOrigin, varyOrigin, explainer, fix = null) {
  return { end, status, headers, body, allowOrigin, varyOrigin, explainer, fix }
}

/** Whether a browser sending `origin` would be refused this decision. */
function refuses(decided, origin) {
  return Boolean(origin) && decided.allowOrigin !== '*' && decided.allowOrigin !== origin
}

/** Headers of an actual (non-preflight) request. `values` are the policy's header values. */
function actualDecision(values, allowOrigin, varyOrigin, explainer) {
  const headers = []
  if (allowOrigin) headers.push('Access-Control-Allow-Origin', allowOrigin)
  if (varyOrigin) headers.push('Vary', 'Origin')
  if (values.allowCredentials) headers.push('Access-Control-Allow-Credentials', values.allowCredentials)
  if (values.exposeHeaders) headers.push('Access-Control-Expose-Headers', values.exposeHeaders)
  return decision(false, values.optionsSuccessStatus, headers, null, allowOrigin, varyOrigin, explainer)
}

/**
 * Headers of an answered preflight. In strict mode Vary already names the three request
 * headers, so the Origin and Access-Control-Request-Headers entries are not repeated.
 */
function preflightDecision(values, allowOrigin, varyOrigin, request, privateNetwork, strict, explainer) {
  const reflect = values.reflectRequestHeaders
  const headers = strict ? ['Vary', STRICT_VARY] : []
  if (allowOrigin) headers.push('Access-Control-Allow-Origin', allowOrigin)
  // Vary is written once, where cors first writes it; Node keeps a header where it was first set.
  if (varyOrigin && !strict) headers.push('Vary', reflect ? 'Origin, Access-Control-Request-Headers' : 'Origin')
  if (values.allowCredentials) headers.push('Access-Control-Allow-Credentials', values.allowCredentials)
  if (values.allowMethods) headers.push('Access-Control-Allow-Methods', values.allowMethods)
  if (reflect && !varyOrigin && !strict) headers.push('Vary', 'Access-Control-Request-Headers')
  const allowHeaders = reflect ? request.requestHeaders : values.allowHeaders
  if (allowHeaders) headers.push('Access-Control-Allow-Headers', allowHeaders)
  if (values.maxAge) headers.push('Access-Control-Max-Age', values.maxAge)
  if (values.exposeHeaders) headers.push('Access-Control-Expose-Headers', values.exposeHeaders)
  if (privateNetwork) headers.push('Access-Control-Allow-Private-Network', 'true')
  return decision(!values.preflightContinue, values.optionsSuccessStatus, headers, null, allowOrigin, varyOrigin, explainer)
}

/** Strict mode: a preflight refused with a 403 whose text/plain body says why (`refusal.reason`). */
function strictRefusalDecision(refusal, allowOrigin, explainer) {
  return decision(true, 403, ['Vary', STRICT_VARY, 'Content-Type', TEXT_PLAIN], refusal.reason, allowOrigin, false, explainer, refusal.fix)
}

/** Nothing to write: CORS is off for this request (origin false, or an origin function said no). */
function passDecision(explainer) {
  return decision(false, 204, [], null, undefined, false, explainer)
}

module.exports = { refuses, actualDecision, preflightDecision, strictRefusalDecision, passDecision }
