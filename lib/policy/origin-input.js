'use strict'
// Sorts an `origin` value (static, or an origin function's answer) by its shape, which only JS
// sees, into the native input, read as cors@2.8.6 reads it; odd ones go to `mistake`.
const { inspect } = require('util')
const { originListBuild } = require('../addon')

function show(value) {
  return inspect(value, { depth: 2, breakLength: Infinity })
}

function isString(value) {
  return typeof value === 'string' || value instanceof String
}

/** The native origin input; a list also carries `regExps`, those the native engine cannot run. */
function originInput(origin, lint) {
  if (typeof origin === 'function') return { kind: 'dynamic' }
  if (!origin) return { kind: 'disabled' }
  if (origin === '*') return { kind: 'any' }
  // A string with a wildcard ('https://*.example.com', 'http://localhost:*') is a pattern.
  if (isString(origin) && String(origin).includes('*')) return originListInput([String(origin)], lint)
  if (isString(origin)) return { kind: 'fixed', origin: String(origin) }
  if (origin === true) return { kind: 'reflect' }
  if (origin instanceof RegExp || Array.isArray(origin)) return originListInput(origin, lint)
  // cors reflects the request's origin for any other truthy value.
  lint('CORS_NATIVE_ORIGIN_TYPE', `origin: ${show(origin)} is not an origin rule, so (as cors does) every origin ` +
    'is echoed; write true if that is meant, else an origin string, a RegExp or an array of those')
  return { kind: 'reflect' }
}

function originListInput(origin, lint) {
  const input = { kind: 'list', exact: [], patterns: [], allowAll: false, regExps: [] }
  addOriginEntry(input, origin, origin, lint)
  return input
}

function addOriginEntry(input, entry, whole, lint) {
  if (Array.isArray(entry)) {
    for (const item of entry) addOriginEntry(input, item, whole, lint)
  } else if (isString(entry)) {
    input.exact.push(String(entry))
  } else if (entry instanceof RegExp) {
    addRegExp(input, entry, lint)
  } else if (typeof entry === 'boolean') {
    // cors lets `true` in a list allow every origin, and `false` match nothing.
    if (entry) input.allowAll = true
  } else if (entry !== null && entry !== undefined) {
    // cors tests any other entry for truthiness.
    lint('CORS_NATIVE_ORIGIN_TYPE', `origin: ${show(whole)} holds ${show(entry)}, which is not an origin, so (as cors ` +
      `does) ${entry ? 'every origin is allowed' : 'it is ignored'}; list only origin strings, RegExps or booleans`)
    if (entry) input.allowAll = true
  }
}

function addRegExp(input, regExp, lint) {
  const pattern = { source: regExp.source, flags: regExp.flags }
  const unsupported = nativeRefusal(pattern)
  if (unsupported === null) {
    input.patterns.push(pattern)
    return
  }
  lint('CORS_NATIVE_BACKTRACKING_REGEX', `${unsupported}; until then it runs in V8, as in cors, where a crafted ` +
    'Origin can make it backtrack for seconds')
  // Without g and y, test() keeps no state between requests, as native matching does.
  input.regExps.push(new RegExp(regExp.source, regExp.flags.replace(/[gy]/g, '')))
}

/** Why the native engine cannot run this RegExp, or null when it can. */
function nativeRefusal(pattern) {
  try {
    originListBuild({ kind: 'list', exact: [], patterns: [pattern], allowAll: false })
    return null
  } catch (error) {
    if (error && error.code === 'InvalidArg') return error.message
    throw error
  }
}

module.exports = { originInput, isString, show }
