'use strict'
// policy.explain(): what a policy sends for a request described in words, whether a browser
// would let the page read the response, and why. The headers come from running the real
// middleware against a recording response, so they are exactly what would be sent.

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST'])

function recordingResponse() {
  const headers = {}
  const names = {}
  return {
    statusCode: 200,
    ended: false,
    body: undefined,
    headers,
    getHeader: (name) => headers[names[name.toLowerCase()]],
    setHeader(name, value) {
      const key = name.toLowerCase()
      if (names[key] !== undefined && names[key] !== name) delete headers[names[key]]
      names[key] = name
      headers[name] = String(value)
    },
    end(body) {
      this.ended = true
      this.body = body
    },
  }
}

function needsPreflight(method, requestHeaders, privateNetwork) {
  return !SAFELISTED_METHODS.has(method) || Boolean(requestHeaders) || privateNetwork
}

/** Runs `middleware` on the described request and explains the outcome. */
function explain(middleware, policy, { origin, method = 'GET', requestHeaders, privateNetwork = false } = {}) {
  const preflight = needsPreflight(method, requestHeaders, privateNetwork)
  const headers = { origin }
  if (preflight) {
    headers['access-control-request-method'] = method
    if (requestHeaders) headers['access-control-request-headers'] = requestHeaders
    if (privateNetwork) headers['access-control-request-private-network'] = 'true'
  }
  const res = recordingResponse()
  let settled = false
  middleware({ method: preflight ? 'OPTIONS' : method, headers }, res, () => { settled = true })
  settled ||= res.ended
  const result = { allowed: false, preflight, status: res.statusCode, headers: res.headers, reasons: [] }
  if (!settled) {
    result.reasons.push('the origin is decided by an asynchronous origin function or delegate, which explain() cannot wait for')
    return result
  }
  if (preflight && res.body) {
    result.reasons.push(`the preflight is refused with ${res.statusCode}: ${res.body}`)
    return result
  }
  const allowOrigin = res.headers['Access-Control-Allow-Origin']
  if (allowOrigin === undefined || (allowOrigin !== '*' && allowOrigin !== origin)) {
    result.reasons.push(...policy.originRefusalReasons(origin))
    return result
  }
  result.reasons.push(allowOrigin === '*' ? 'every origin is allowed (Access-Control-Allow-Origin: *)' : `origin ${origin} is allowed`)
  if (allowOrigin === '*' && res.headers['Access-Control-Allow-Credentials'] === 'true') {
    result.reasons.push('credentialed requests (cookies) still fail: browsers refuse Access-Control-Allow-Origin: * with credentials')
  }
  if (preflight) {
    if (res.statusCode < 200 || res.statusCode > 299) {
      result.reasons.push(`the preflight answers ${res.statusCode}, not 2xx`)
      return result
    }
    const refusal = policy.preflightRefusal(method, requestHeaders)
    if (refusal !== null) {
      result.reasons.push(`the browser will refuse it: ${refusal}`)
      return result
    }
    if (privateNetwork && res.headers['Access-Control-Allow-Private-Network'] !== 'true') {
      result.reasons.push('private network access is not allowed; set allowPrivateNetwork: true')
      return result
    }
    result.reasons.push(`method ${method}${requestHeaders ? ` and headers ${requestHeaders}` : ''} are allowed`)
  }
  result.allowed = true
  return result
}

module.exports = { explain }
