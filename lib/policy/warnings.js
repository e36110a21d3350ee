'use strict'
// Policy mistakes are reported once per process, each with a stable code that the `warnings`
// option (or Node's --disable-warning=CODE) turns off.

/** Every code cors-native warns with. A code added anywhere must be added here too. */
const CODES = Object.freeze([
  'CORS_NATIVE_OPTIONS_TYPE',
  'CORS_NATIVE_ORIGIN_TYPE',
  'CORS_NATIVE_HEADER_LIST_TYPE',
  'CORS_NATIVE_CREDENTIALS_TYPE',
  'CORS_NATIVE_MAX_AGE',
  'CORS_NATIVE_PREFLIGHT_STATUS',
  'CORS_NATIVE_BACKTRACKING_REGEX',
  'CORS_NATIVE_CREDENTIALS_ANY_ORIGIN',
  'CORS_NATIVE_LOOSE_REGEX',
  'CORS_NATIVE_NULL_ORIGIN',
  'CORS_NATIVE_MALFORMED_ORIGIN',
  'CORS_NATIVE_MAX_AGE_ABOVE_CAP',
  'CORS_NATIVE_UNKNOWN_WARNING',
])

const emitted = new Set()

function warnOnce(code, message) {
  const key = `${code}\n${message}`
  if (emitted.has(key)) return
  emitted.add(key)
  process.emitWarning(`cors-native: ${message}`, { type: 'CorsNativeWarning', code })
}

/** The codes the `warnings` option turns off; an unknown code is a mistake, a wrong shape a TypeError. */
function silencedCodes(option, mistake) {
  if (option === undefined || option === null) return []
  if (typeof option !== 'object' || Array.isArray(option)) {
    throw new TypeError(`cors-native: warnings: ${String(option)} is not an object; write warnings: { CORS_NATIVE_NULL_ORIGIN: false }`)
  }
  const silenced = []
  for (const [code, on] of Object.entries(option)) {
    if (typeof on !== 'boolean') {
      throw new TypeError(`cors-native: warnings: ${code}: ${String(on)} is not a boolean; write false to turn the warning off`)
    }
    if (!CODES.includes(code)) {
      mistake('CORS_NATIVE_UNKNOWN_WARNING', `warnings: ${JSON.stringify(code)} is not a cors-native warning code; the codes are ${CODES.join(', ')}`)
    } else if (!on) {
      silenced.push(code)
    }
  }
  return silenced
}

module.exports = { CODES, warnOnce, silencedCodes }
