'use strict'
// Strict mode's decision on a preflight, shared by the Express middleware and the Next.js
// helpers: why it is refused, or null when it may be answered.

const STRICT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'

/** In strict mode only OPTIONS with both Origin and Access-Control-Request-Method is a preflight. */
function isStrictPreflight(requestOrigin, requestMethod) {
  return Boolean(requestOrigin) && Boolean(requestMethod)
}

function originAllowed(allowOrigin, requestOrigin) {
  return allowOrigin === '*' || (allowOrigin !== undefined && allowOrigin === requestOrigin)
}

/** The short text/plain reason a strict preflight gets with its 403, or null. */
function strictRefusal(policy, allowOrigin, { origin, method, requestHeaders, privateNetwork }) {
  if (!originAllowed(allowOrigin, origin)) return `origin ${origin} is not allowed`
  if (privateNetwork && !policy.allowPrivateNetwork) return 'private network access is not allowed'
  return policy.preflightRefusal(method, requestHeaders)
}

/** Whether to answer Access-Control-Allow-Private-Network: true. */
function allowsPrivateNetwork(policy, requestPrivateNetwork) {
  return policy.allowPrivateNetwork && requestPrivateNetwork === 'true'
}

module.exports = { STRICT_VARY, isStrictPreflight, strictRefusal, allowsPrivateNetwork }
