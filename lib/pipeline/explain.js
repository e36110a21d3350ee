'use strict'
// policy.explain(): what a policy sends for a request described in words, whether a browser
// would let the page read the response, and why. It asks the same pipeline the adapters ask.
const vary = require('vary')
const { corsRequest } = require('.')
const { refuses } = require('./decision')
const { browserVerdicts } = require('../browser/verdict')

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST'])

function needsPreflight(method, requestHeaders, privateNetwork) {
  return !SAFELISTED_METHODS.has(method) || Boolean(requestHeaders) || privateNetwork
}

/** The decision's headers as the Express adapter would leave them on a fresh response. */
function headersOf(decision) {
  const headers = {}
  const list = decision.headers
  for (let i = 0; i < list.length; i += 2) {
    const [name, value] = [list[i], list[i + 1]]
    headers[name] = name === 'Vary' && headers.Vary !== undefined ? vary.append(headers.Vary, value) : value
  }
  if (decision.end) headers['Content-Length'] = String(Buffer.byteLength(decision.body ?? ''))
  return headers
}

/** The actual request's decision (for the browser model), or null if it is not known now. */
function actualDecisionOf(pipeline, origin, method) {
  let actual = null
  pipeline.decide(corsRequest(method, origin, undefined, undefined, false), undefined, (error, decided) => {
    if (!error) actual = decided
  })
  return actual
}

/**
 * Asks `pipeline` about the described request and explains the decision; `engines` is what
 * each browser will do, with its console line (quoting `url` when given).
 */
function explain(pipeline, { origin, method = 'GET', requestHeaders, privateNetwork = false, credentials = false, url } = {}) {
  const result = explainDecision(pipeline, { origin, method, requestHeaders, privateNetwork })
  const preflight = result.decision !== null && result.preflight ? result.decision : null
  const actual = result.decision === null ? null : preflight === null ? result.decision : actualDecisionOf(pipeline, origin, method)
  delete result.decision
  result.engines = actual === null && preflight === null ? null : browserVerdicts({ url, origin, method, requestHeaders, credentials }, preflight, actual)
  return result
}

function explainDecision(pipeline, { origin, method, requestHeaders, privateNetwork }) {
  const preflight = needsPreflight(method, requestHeaders, privateNetwork)
  const request = preflight
    ? corsRequest('OPTIONS', origin, method, requestHeaders, privateNetwork)
    : corsRequest(method, origin, undefined, undefined, false)
  let settled = false
  let failure = null
  let decision = null
  pipeline.decide(request, undefined, (error, decided) => {
    settled = true
    failure = error
    decision = decided
  })
  const result = { allowed: false, preflight, status: 200, headers: {}, reasons: [], decision }
  if (!settled) {
    result.reasons.push('the origin is decided by an asynchronous origin function, which explain() cannot wait for')
    return result
  }
  if (failure !== null) {
    result.reasons.push(`the origin function failed: ${failure.message}`)
    return result
  }
  result.status = decision.end ? decision.status : 200
  result.headers = headersOf(decision)
  if (decision.body !== null && !refuses(decision, origin)) {
    result.reasons.push(`the preflight is refused with ${decision.status}: ${decision.body}`)
    return result
  }
  const allowOrigin = result.headers['Access-Control-Allow-Origin']
  if (allowOrigin === undefined || (allowOrigin !== '*' && allowOrigin !== origin)) {
    result.reasons.push(...(origin === undefined ? ['the request has no Origin header'] : decision.explainer.originRefusalReasons(origin)))
    return result
  }
  result.reasons.push(allowOrigin === '*' ? 'every origin is allowed (Access-Control-Allow-Origin: *)' : `origin ${origin} is allowed`)
  if (allowOrigin === '*' && result.headers['Access-Control-Allow-Credentials'] === 'true') {
    result.reasons.push('credentialed requests (cookies) still fail: browsers refuse Access-Control-Allow-Origin: * with credentials')
  }
  if (preflight) {
    if (result.status < 200 || result.status > 299) {
      result.reasons.push(`the preflight answers ${result.status}, not 2xx`)
      return result
    }
    const refusal = pipeline.policy.preflightRefusal(method, requestHeaders)
    if (refusal !== null) {
      result.reasons.push(`the browser will refuse it: ${refusal}`)
      return result
    }
    if (privateNetwork && result.headers['Access-Control-Allow-Private-Network'] !== 'true') {
      result.reasons.push('private network access is not allowed; set allowPrivateNetwork: true')
      return result
    }
    result.reasons.push(`method ${method}${requestHeaders ? ` and headers ${requestHeaders}` : ''} are allowed`)
  }
  result.allowed = true
  return result
}

module.exports = { explain }
