'use strict'
// Which Access-Control-Allow-Origin a request gets, with cors@2.8.6's rules. Shared by the
// Express middleware and the Next.js helpers.
const { optionError, isString } = require('./options')

/** The Access-Control-Allow-Origin of a policy whose origin rule is static (undefined: none). */
function staticAllowOrigin(policy, requestOrigin) {
  switch (policy.originKind) {
    case 'any':
      return '*'
    case 'fixed':
      return policy.headers.fixedOrigin
    case 'reflect':
      return requestOrigin
    case 'list':
      return policy.echoesOrigin(requestOrigin) ? requestOrigin : undefined
  }
}

/** The Access-Control-Allow-Origin for an origin function's (truthy) answer. */
function allowOriginFor(answer, requestOrigin, originLists) {
  if (isString(answer)) return String(answer)
  if (answer === true) return requestOrigin
  if (answer instanceof RegExp || Array.isArray(answer)) {
    return originLists.get(answer).echoesOrigin(requestOrigin) ? requestOrigin : undefined
  }
  throw optionError('origin callback answer', answer, 'is not a valid origin; answer with true, false, "*", an origin string, a RegExp or an array of those')
}

module.exports = { staticAllowOrigin, allowOriginFor }
