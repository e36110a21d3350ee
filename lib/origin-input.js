'use strict'
// Sorts an `origin` value (static, or what an origin function answered) by its shape, which
// only JS can see, into the native input. Every value cors@2.8.6 accepts is read as cors reads
// it; the odd ones are reported to `mistake(code, message)`.
const { inspect } = require('util')
const { originListBuild } = require('./addon')

function show(value) {
  return inspect(value, { depth: 2, breakLength: Infinity })
}

function isString(value) {
  return typeof value === 'string' || value instanceof String
}

/**
 * The native origin input. A list carries `regExps` too, for JS only: the RegExps the native
 * engine cannot run (backreferences, lookaround), matched with V8 as cors does.
 */
function originInput(origin, mistake) {
  if (typeof origin === 'function') return { kind: 'dynamic' }
  if (!origin) return { kind: 'disabled' }
  if (origin === '*') return { kind: 'any' }
  // A string with a wildcard ('https://*.example.com', 'http://localhost:*') is a pattern.
  if (isString(origin) && String(origin).includes('*')) return originListInput([String(origin)], mistake)
  if (isString(origin)) return { kind: 'fixed', origin: String(origin) }
  if (origin === true) return { kind: 'reflect' }
  if (origin instanceof RegExp || Array.isArray(origin)) return originListInput(origin, mistake)
  // cors reflects the request's origin for any other truthy value.
  mistake('CORS_NATIVE_ORIGIN_TYPE', `origin: ${show(origin)} is not an origin rule; like cors, cors-native treats it ` +
    'as true and echoes every origin; write true if that is meant, else an origin string, a RegExp or an array of those')
  return { kind: 'reflect' }
}

function originListInput(origin, mistake) {
  const input = { kind: 'list', exact: [], patterns: [], allowAll: false, regExps: [] }
  addOriginEntry(input, origin, origin, mistake)
  return input
}

function addOriginEntry(input, entry, whole, mistake) {
  if (Array.isArray(entry)) {
    for (const item of entry) addOriginEntry(input, item, whole, mistake)
  } else if (isString(entry)) {
    input.exact.push(String(entry))
  } else if (entry instanceof RegExp) {
    addRegExp(input, entry, mistake)
  } else if (typeof entry === 'boolean') {
    // cors lets `true` in a list allow every origin, and `false` match nothing.
    if (entry) input.allowAll = true
  } else if (entry !== null && entry !== undefined) {
    // cors tests any other entry for truthiness.
    mistake('CORS_NATIVE_ORIGIN_TYPE', `origin: ${show(whole)} holds ${show(entry)}, which is not an origin; like cors, ` +
      `cors-native ${entry ? 'lets every origin through because of it' : 'ignores it'}; list only origin strings, RegExps or booleans`)
    if (entry) input.allowAll = true
  }
}

function addRegExp(input, regExp, mistake) {
  const pattern = { source: regExp.source, flags: regExp.flags }
  const unsupported = nativeRefusal(pattern)
  if (unsupported === null) {
    input.patterns.push(pattern)
    return
  }
  mistake('CORS_NATIVE_BACKTRACKING_REGEX', `${unsupported}; until then cors-native runs it in JavaScript's RegExp ` +
    'engine, as cors does, where a crafted Origin can make it backtrack for seconds')
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
