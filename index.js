'use strict'
// cors-native: a drop-in replacement for the Express `cors` middleware. Options are compiled
// once into a native policy; per request this file only looks up the decision and writes it.
const { compilePolicy, compileOriginList } = require('./lib/policy')
const { PolicyCache } = require('./lib/policy-cache')
const { staticAllowOrigin, allowOriginFor } = require('./lib/origin-decision')
const { writeActualHeaders, writePreflightHeaders, endPreflight } = require('./lib/write-headers')
const { appendVary } = require('./lib/vary')
const { STRICT_VARY, isStrictPreflight, strictRefusal, allowsPrivateNetwork } = require('./lib/preflight-verdict')
const { createRefusalLog } = require('./lib/debug-log')
const { explain } = require('./lib/explain')
const { fromEnv } = require('./lib/from-env')

function isPreflight(method) {
  // cors upper-cases the method; the length test spares that for every other method.
  return method === 'OPTIONS' || (typeof method === 'string' && method.length === 7 && method.toUpperCase() === 'OPTIONS')
}

function answerPreflight(policy, allowOrigin, varyOrigin, req, res, next) {
  const headers = policy.headers
  writePreflightHeaders(res, headers, allowOrigin, varyOrigin, req.headers['access-control-request-headers'])
  if (allowsPrivateNetwork(policy, req.headers['access-control-request-private-network'])) {
    res.setHeader('Access-Control-Allow-Private-Network', 'true')
  }
  if (headers.preflightContinue) next()
  else endPreflight(res, headers)
}

/** Strict mode: a preflight is checked on the server and refused with a 403 that says why. */
function answerStrictPreflight(policy, allowOrigin, varyOrigin, req, res, next, logRefusal) {
  const request = {
    origin: req.headers.origin,
    method: req.headers['access-control-request-method'],
    requestHeaders: req.headers['access-control-request-headers'],
    privateNetwork: req.headers['access-control-request-private-network'] === 'true',
  }
  if (!isStrictPreflight(request.origin, request.method)) {
    writeActualHeaders(res, policy.headers, allowOrigin, varyOrigin)
    return next()
  }
  appendVary(res, STRICT_VARY)
  const refusal = strictRefusal(policy, allowOrigin, request)
  if (refusal === null) return answerPreflight(policy, allowOrigin, false, req, res, next)
  if (logRefusal) logRefusal('preflight', request.origin, [refusal])
  res.statusCode = 403
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', String(Buffer.byteLength(refusal)))
  res.end(refusal)
}

function applyCors(policy, allowOrigin, varyOrigin, req, res, next, logRefusal) {
  if (isPreflight(req.method)) {
    if (policy.strict) return answerStrictPreflight(policy, allowOrigin, varyOrigin, req, res, next, logRefusal)
    return answerPreflight(policy, allowOrigin, varyOrigin, req, res, next)
  }
  writeActualHeaders(res, policy.headers, allowOrigin, varyOrigin)
  next()
}

/**
 * The middleware for a static origin rule, the common case, with everything that does not
 * depend on the request read once: per actual request it makes at most one Map lookup.
 */
function staticOriginMiddleware(policy, logRefusal) {
  const varyOrigin = policy.headers.varyOrigin
  return function corsMiddleware(req, res, next) {
    const requestOrigin = req.headers.origin
    const allowOrigin = staticAllowOrigin(policy, requestOrigin)
    if (isPreflight(req.method)) return applyCors(policy, allowOrigin, varyOrigin, req, res, next, logRefusal)
    if (logRefusal !== null && !allowOrigin && requestOrigin) logRefusal(req.method, requestOrigin, policy.originRefusalReasons(requestOrigin))
    writeActualHeaders(res, policy.headers, allowOrigin, varyOrigin)
    next()
  }
}

function applyPolicy(policy, originLists, req, res, next, logRefusal) {
  if (policy.originKind === 'disabled') return next()
  const originFunction = policy.originFunction
  const requestOrigin = req.headers.origin
  if (!originFunction) {
    return applyCors(policy, staticAllowOrigin(policy, requestOrigin), policy.headers.varyOrigin, req, res, next, logRefusal)
  }
  originFunction(requestOrigin, (error, answer) => {
    if (error || !answer) return next(error)
    let allowOrigin
    try {
      allowOrigin = allowOriginFor(answer, requestOrigin, originLists)
    } catch (invalidAnswer) {
      return next(invalidAnswer)
    }
    applyCors(policy, allowOrigin, answer !== '*', req, res, next, logRefusal)
  })
}

/**
 * A compiled policy that can explain itself: `explain({ origin, method, requestHeaders,
 * privateNetwork })`. Compile the options in each worker; the object cannot be posted to one.
 */
class CorsPolicy {
  #middleware
  #policy

  constructor(options) {
    if (typeof options === 'function') {
      throw new TypeError('cors-native: compile(options): a delegate function needs a request; compile the options it answers with')
    }
    this.#policy = compilePolicy(options)
    this.#middleware = middlewareFor(this.#policy)
    // Structured clone would silently deliver {} to a worker; this property makes
    // postMessage throw a DataCloneError whose message says what to do instead.
    this.cannotBeCloned = function cors_native_policies_cannot_be_sent_to_workers__compile_the_options_in_each_worker() {}
  }

  /** The mistakes found in the options (also emitted once as process warnings). */
  get lints() {
    return this.#policy.native.lints()
  }

  explain(request) {
    return explain(this.#middleware, this.#policy, request)
  }
}

/**
 * Creates the middleware. `options` is a cors options object, or a delegate
 * `(req, callback) => callback(error, options)` called on every request.
 */
function cors(options) {
  if (typeof options !== 'function') return middlewareFor(compilePolicy(options))
  const delegate = options
  const originLists = new PolicyCache(compileOriginList)
  const logRefusal = createRefusalLog()
  const policies = new PolicyCache(compilePolicy)
  return function corsMiddleware(req, res, next) {
    delegate(req, (error, requestOptions) => {
      if (error) return next(error)
      let policy
      try {
        policy = policies.get(requestOptions)
      } catch (invalidOptions) {
        return next(invalidOptions)
      }
      applyPolicy(policy, originLists, req, res, next, logRefusal)
    })
  }
}

function middlewareFor(policy) {
  if (policy.originKind === 'disabled') return function corsMiddleware(req, res, next) { next() }
  const logRefusal = createRefusalLog()
  if (!policy.originFunction) return staticOriginMiddleware(policy, logRefusal)
  const originLists = new PolicyCache(compileOriginList)
  return function corsMiddleware(req, res, next) {
    applyPolicy(policy, originLists, req, res, next, logRefusal)
  }
}

module.exports = cors
module.exports.default = cors
module.exports.compile = (options) => new CorsPolicy(options)
module.exports.fromEnv = fromEnv
