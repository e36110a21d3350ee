'use strict'
// Reads each option once, as cors@2.8.6 reads it in every request, and sorts it by shape into
// the native policy's input: what cors accepts is sent as cors sends it. A mistake that only JS
// can see (a value's JS type) is handed over with the input; the native policy reports it with
// its own, applies the `warnings` option and strict mode, and owns the defaults and the ranges.
const { policyDefaults } = require('../addon')
const { warningSettings } = require('./warnings')
const { originInput, isString, show } = require('./origin-input')

// cors's defaults; options are merged over them with Object.assign, as cors does, so an
// explicit `origin: undefined` disables CORS exactly as it does there.
const DEFAULTS = Object.freeze(policyDefaults())

function optionError(option, value, fix) {
  return new TypeError(`cors-native: ${option}: ${show(value)} ${fix}`)
}

function mergeWithDefaults(options, lint) {
  // cors merges any value with Object.assign, so `cors(true)` (socket.io's `cors: true`) and
  // `cors(false)` are `cors()`: keep that, and say so.
  if (options !== undefined && options !== null && typeof options !== 'object') {
    lint('CORS_NATIVE_OPTIONS_TYPE', `options: ${show(options)} is not an options object; like cors, ` +
      'cors-native ignores it and allows every origin with "Access-Control-Allow-Origin: *". Pass an ' +
      'options object such as { origin: "https://app.example.com" }, or nothing for that default')
  }
  return Object.assign({}, DEFAULTS, options)
}

function isHeaderList(value) {
  return isString(value) || (Array.isArray(value) && value.every(isString))
}

/** What cors writes for a header list: arrays (anything with join) joined with ",". */
function joinedText(value) {
  return value.join ? value.join(',') : value
}

function headerListLint(lint, option, value, sent) {
  if (isHeaderList(value)) return
  lint('CORS_NATIVE_HEADER_LIST_TYPE', `${option}: ${show(value)} is not a header list, so (as cors does) ` +
    `${sent ? `${JSON.stringify(sent)} is sent` : 'no header is sent'}; use a comma-separated string or an array of strings`)
}

/** `Access-Control-Allow-Methods`: any truthy value is sent, as Node writes it. */
function methodsText(value, lint) {
  const joined = joinedText(value)
  const sent = joined ? '' + joined : ''
  headerListLint(lint, 'methods', value, sent)
  return sent
}

/** Allowed or exposed headers (a truthy value): cors sends them only when they have a length. */
function headerListText(option, value, lint) {
  const joined = joinedText(value)
  const sent = joined && joined.length ? '' + joined : ''
  headerListLint(lint, option, value, sent)
  return sent
}

/** cors sends `maxAge.toString()` for any number or truthy value; browsers want whole seconds. */
function maxAgeText(value, lint) {
  const text = (typeof value === 'number' || value) && value.toString()
  if (!text || !text.length) return undefined
  const sent = '' + text
  if (!/^\d+$/.test(sent) || !(typeof value === 'number' || isString(value))) {
    lint('CORS_NATIVE_MAX_AGE', `maxAge: ${show(value)} is not a whole number of seconds; browsers ignore ` +
      `"Access-Control-Max-Age: ${sent}" (Chromium then caches a preflight for 5 seconds); use a number such as 600`)
  }
  return sent
}

/** cors sends Access-Control-Allow-Credentials only for the boolean true. */
function credentialsInput(value, lint) {
  if (value !== undefined && value !== null && typeof value !== 'boolean') {
    lint('CORS_NATIVE_CREDENTIALS_TYPE', `credentials: ${show(value)} is not a boolean, so (as cors does) ` +
      'no Access-Control-Allow-Credentials is sent; write true to send it, or leave it out')
  }
  return value === true
}

function booleanInput(option, value, fix) {
  if (value === undefined || value === null || typeof value === 'boolean') return value === true
  throw optionError(option, value, `is not a boolean; ${fix}`)
}

/** The preflight status: cors assigns res.statusCode, which Node sends as `value | 0`. */
function statusInput(value) {
  if (value === undefined || value === null) return undefined
  return { status: value | 0, number: typeof value === 'number' ? value : undefined, shown: show(value) }
}

/**
 * The native policy input for user options (anything cors accepts), with the mistakes found in
 * JS (`{ code, message, suggestion }`), and the options merged over the defaults.
 */
function policyInput(options) {
  const jsLints = []
  const lint = (code, message) => jsLints.push({ code, message, suggestion: [] })
  const merged = mergeWithDefaults(options, lint)
  const [allowedOption, allowedHeaders] = merged.allowedHeaders ? ['allowedHeaders', merged.allowedHeaders] : ['headers', merged.headers]
  const input = {
    origin: originInput(merged.origin, lint),
    methods: merged.methods === undefined || merged.methods === null ? undefined : methodsText(merged.methods, lint),
    allowedHeaders: allowedHeaders ? headerListText(allowedOption, allowedHeaders, lint) : undefined,
    exposedHeaders: merged.exposedHeaders ? headerListText('exposedHeaders', merged.exposedHeaders, lint) : undefined,
    credentials: credentialsInput(merged.credentials, lint),
    maxAge: maxAgeText(merged.maxAge, lint),
    preflightContinue: Boolean(merged.preflightContinue),
    optionsSuccessStatus: statusInput(merged.optionsSuccessStatus),
    strict: booleanInput('strict', merged.strict, 'use true to turn mistakes into errors and check preflights on the server'),
    warnings: warningSettings(merged.warnings),
    jsLints,
  }
  return { input, merged }
}

module.exports = { policyInput, booleanInput }
