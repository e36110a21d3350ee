'use strict'
// cors-native: a drop-in replacement for the Express `cors` middleware. Options are compiled
// once into a native policy; per request this file only looks up the decision and writes it.
const { compilePolicy, compileOriginList } = require('./lib/policy')
const { PolicyCache } = require('./lib/policy-cache')
const { optionError } = require('./lib/options')
const { writeActualHeaders, writePreflightHeaders, endPreflight } = require('./lib/write-headers')

function isPreflight(method) {
  return method === 'OPTIONS' || (typeof method === 'string' && method.toUpperCase() === 'OPTIONS')
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

/** Applies a policy whose origin rule is static. */
function applyStaticOrigin(policy, req, res, next) {
  const requestOrigin = req.headers.origin
  switch (policy.originKind) {
    case 'any':
      return applyCors(policy, '*', false, req, res, next)
    case 'fixed':
      return applyCors(policy, policy.headers.fixedOrigin, true, req, res, next)
    case 'reflect':
      return applyCors(policy, requestOrigin, true, req, res, next)
    case 'list':
      return applyCors(policy, policy.echoesOrigin(requestOrigin) ? requestOrigin : undefined, true, req, res, next)
  }
}

/** The Access-Control-Allow-Origin for an origin function's answer, with cors's rules. */
function allowOriginFor(answer, requestOrigin, originLists) {
  if (typeof answer === 'string' || answer instanceof String) return String(answer)
  if (answer === true) return requestOrigin
  if (answer instanceof RegExp || Array.isArray(answer)) {
    return originLists.get(answer).echoesOrigin(requestOrigin) ? requestOrigin : undefined
  }
  throw optionError('origin callback answer', answer, 'is not a valid origin; answer with true, false, "*", an origin string, a RegExp or an array of those')
}

function applyPolicy(policy, originLists, req, res, next) {
  if (policy.originKind === 'disabled') return next()
  const originFunction = policy.originFunction
  if (!originFunction) return applyStaticOrigin(policy, req, res, next)
  const requestOrigin = req.headers.origin
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
