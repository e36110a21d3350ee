'use strict'
// Checks the shape of each option (which only JS can see: RegExp, array, function) and sorts
// it into the plain input the native policy is built from. Values are checked natively.
const { inspect } = require('util')
const { warnOnce } = require('./warnings')

// The defaults of cors@2.8.6; options are merged over them with Object.assign, as cors does,
// so an explicit `origin: undefined` disables CORS exactly as it does there.
const DEFAULTS = Object.freeze({
  origin: '*',
  methods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
  preflightContinue: false,
  optionsSuccessStatus: 204,
})

function show(value) {
  return inspect(value, { depth: 2, breakLength: Infinity })
}

function optionError(option, value, fix) {
  return new TypeError(`cors-native: ${option}: ${show(value)} ${fix}`)
}

function isString(value) {
  return typeof value === 'string' || value instanceof String
}

function mergeWithDefaults(options) {
  // cors merges any value with Object.assign, so `cors(true)` (socket.io's `cors: true`) and
  // `cors(false)` are `cors()`: keep that, and say so.
  if (options !== undefined && options !== null && typeof options !== 'object') {
    warnOnce('CORS_NATIVE_OPTIONS_TYPE', `options: ${show(options)} is not an options object; like cors, ` +
      'cors-native ignores it and allows every origin with "Access-Control-Allow-Origin: *". Pass an ' +
      'options object such as { origin: "https://app.example.com" }, or nothing for that default')
  }
  return Object.assign({}, DEFAULTS, options)
}

/** Sorts an origin value (static, or returned by an origin function) into the native input. */
function originInput(origin) {
  if (typeof origin === 'function') return { kind: 'dynamic' }
  if (!origin) return { kind: 'disabled' }
  if (origin === '*') return { kind: 'any' }
  // A string with a wildcard ('https://*.example.com', 'http://localhost:*') is a pattern.
  if (isString(origin) && String(origin).includes('*')) return originListInput([String(origin)])
  if (isString(origin)) return { kind: 'fixed', origin: String(origin) }
  if (origin === true) return { kind: 'reflect' }
  if (origin instanceof RegExp || Array.isArray(origin)) return originListInput(origin)
  throw optionError('origin', origin, 'is not a valid origin; use true, false, "*", an origin string, a RegExp, an array of those, or a function (origin, callback)')
}

function originListInput(origin) {
  const input = { kind: 'list', exact: [], patterns: [], allowAll: false }
  addOriginEntry(input, origin, origin)
  return input
}

function addOriginEntry(input, entry, whole) {
  if (Array.isArray(entry)) {
    for (const item of entry) addOriginEntry(input, item, whole)
  } else if (isString(entry)) {
    input.exact.push(String(entry))
  } else if (entry instanceof RegExp) {
    input.patterns.push({ source: entry.source, flags: entry.flags })
  } else if (typeof entry === 'boolean') {
    // cors lets `true` in a list allow every origin, and `false` match nothing.
    if (entry) input.allowAll = true
  } else if (entry !== null && entry !== undefined) {
    throw optionError('origin', whole, `holds ${show(entry)}, which is not an origin; list only origin strings, RegExps or booleans`)
  }
}

function headerListInput(option, value) {
  if (isString(value)) return String(value)
  if (Array.isArray(value) && value.every(isString)) return value.map(String)
  throw optionError(option, value, 'is not a header list; use a comma-separated string or an array of strings')
}

function maxAgeInput(value) {
  if (value === undefined || value === null || value === false || value === '') return undefined
  if (typeof value === 'number' || isString(value)) return typeof value === 'number' ? value : String(value)
  throw optionError('maxAge', value, 'is not a number of seconds; use a whole number such as 600')
}

function booleanInput(option, value, fix) {
  if (value === undefined || value === null || typeof value === 'boolean') return value === true
  throw optionError(option, value, `is not a boolean; ${fix}`)
}

function statusInput(value) {
  if (value === undefined || value === null) return DEFAULTS.optionsSuccessStatus
  if (Number.isInteger(value) && value >= 0 && value <= 999) return value
  throw optionError('optionsSuccessStatus', value, 'is not an HTTP status; use 204 (the default) or 200')
}

/** The native policy input for options already merged over the defaults. */
function policyInput(merged) {
  const allowedHeaders = merged.allowedHeaders || merged.headers
  const exposedHeaders = merged.exposedHeaders
  const methods = merged.methods === undefined || merged.methods === null ? DEFAULTS.methods : merged.methods
  return {
    origin: originInput(merged.origin),
    methods: headerListInput('methods', methods),
    allowedHeaders: allowedHeaders ? headerListInput(merged.allowedHeaders ? 'allowedHeaders' : 'headers', allowedHeaders) : undefined,
    exposedHeaders: exposedHeaders ? headerListInput('exposedHeaders', exposedHeaders) : undefined,
    credentials: booleanInput('credentials', merged.credentials, 'use true to send Access-Control-Allow-Credentials, or leave it out'),
    maxAge: maxAgeInput(merged.maxAge),
    preflightContinue: Boolean(merged.preflightContinue),
    optionsSuccessStatus: statusInput(merged.optionsSuccessStatus),
    strict: booleanInput('strict', merged.strict, 'use true to turn mistakes into errors and check preflights on the server'),
  }
}

module.exports = { DEFAULTS, mergeWithDefaults, originInput, policyInput, booleanInput, optionError, isString }
