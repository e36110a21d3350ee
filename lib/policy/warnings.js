'use strict'
// Policy mistakes are reported once per process, each with a stable code that the `warnings`
// option (or Node's --disable-warning=CODE) turns off. The codes, and which are turned off, are
// the native policy's (src/policy/codes.rs, src/policy/reporting.rs).

const emitted = new Set()

function warnOnce(code, message) {
  const key = `${code}\n${message}`
  if (emitted.has(key)) return
  emitted.add(key)
  process.emitWarning(`cors-native: ${message}`, { type: 'CorsNativeWarning', code })
}

/** The `warnings` option's entries, `{ code, on }` in order; a wrong shape is a TypeError. */
function warningSettings(option) {
  if (option === undefined || option === null) return []
  if (typeof option !== 'object' || Array.isArray(option)) {
    throw new TypeError(`cors-native: warnings: ${String(option)} is not an object; write warnings: { CORS_NATIVE_NULL_ORIGIN: false }`)
  }
  return Object.entries(option).map(([code, on]) => {
    if (typeof on !== 'boolean') {
      throw new TypeError(`cors-native: warnings: ${code}: ${String(on)} is not a boolean; write false to turn the warning off`)
    }
    return { code, on }
  })
}

module.exports = { warnOnce, warningSettings }
