'use strict'
// cors-native: a drop-in replacement for the Express `cors` middleware. Options are compiled
// once into a native policy; per request this file only looks up the decision and writes it.
const { compilePolicy, compileOriginList } = require('./lib/policy')
const { PolicyCache } = require('./lib/policy-cache')
const { staticAllowOrigin, allowOriginFor } = require('./lib/origin-decision')
const { writeActualHeaders, writePreflightHeaders, endPreflight } = require('./lib/write-headers')
const { appendVary } = require('./lib/vary')

function isPreflight(method) {
  // cors upper-cases the method; the length test spares that for every other method.
  return method === 'OPTIONS' || (typeof method === 'string' && method.length === 7 && method.toUpperCase() === 'OPTIONS')
}

function applyCors(policy, allowOrigin, varyOrigin, req, res, next) {
  const headers = policy.headers
  if (isPreflight(req.method)) {
    writePreflightHeaders(res, headers, allowOrigin, varyOrigin, req.headers['access-control-request-headers'])
    if (headers.preflightContinue) next()
    else endPreflight(res, headers)
  } else {
    writeActualHeaders(res, headers, allowOrigin, varyOrigin)
    next()
  }
}

/**
 * The middleware for a static origin rule, the common case, with everything that does not
 * depend on the request read once: per actual request it makes at most one Map lookup.
 */
function staticOriginMiddleware(policy) {
  const { allowCredentials, exposeHeaders } = policy.headers
  const kind = policy.originKind
  const varyOrigin = kind !== 'any'
  const presetAllowOrigin = kind === 'any' ? '*' : policy.headers.fixedOrigin
  return function corsMiddleware(req, res, next) {
    const requestOrigin = req.headers.origin
    const allowOrigin = kind === 'list'
      ? (policy.echoesOrigin(requestOrigin) ? requestOrigin : undefined)
      : kind === 'reflect' ? requestOrigin : presetAllowOrigin
    if (isPreflight(req.method)) return applyCors(policy, allowOrigin, varyOrigin, req, res, next)
    if (allowOrigin) res.setHeader('Access-Control-Allow-Origin', allowOrigin)
    if (varyOrigin) appendVary(res, 'Origin')
    if (allowCredentials) res.setHeader('Access-Control-Allow-Credentials', allowCredentials)
    if (exposeHeaders) res.setHeader('Access-Control-Expose-Headers', exposeHeaders)
    next()
  }
}

function applyPolicy(policy, originLists, req, res, next) {
  if (policy.originKind === 'disabled') return next()
  const originFunction = policy.originFunction
  const requestOrigin = req.headers.origin
  if (!originFunction) {
    return applyCors(policy, staticAllowOrigin(policy, requestOrigin), policy.originKind !== 'any', req, res, next)
  }
  originFunction(requestOrigin, (error, answer) => {
    if (error || !answer) return next(error)
    let allowOrigin
    try {
      allowOrigin = allowOriginFor(answer, requestOrigin, originLists)
    } catch (invalidAnswer) {
      return next(invalidAnswer)
    }
    applyCors(policy, allowOrigin, answer !== '*', req, res, next)
  })
}

/**
 * Creates the middleware. `options` is a cors options object, or a delegate
 * `(req, callback) => callback(error, options)` called on every request.
 */
function cors(options) {
  const originLists = new PolicyCache(compileOriginList)
  if (typeof options !== 'function') {
    const policy = compilePolicy(options)
    if (policy.originKind === 'disabled') return function corsMiddleware(req, res, next) { next() }
    if (!policy.originFunction) return staticOriginMiddleware(policy)
    return function corsMiddleware(req, res, next) {
      applyPolicy(policy, originLists, req, res, next)
    }
  }
  const delegate = options
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
      applyPolicy(policy, originLists, req, res, next)
    })
  }
}

module.exports = cors
module.exports.default = cors
