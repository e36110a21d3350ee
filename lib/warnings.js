'use strict'
// Policy mistakes are reported once per process, however many policies repeat them.
const emitted = new Set()

function warnOnce(code, message) {
  const key = `${code}\n${message}`
  if (emitted.has(key)) return
  emitted.add(key)
  process.emitWarning(`cors-native: ${message}`, { type: 'CorsNativeWarning', code })
}

module.exports = { warnOnce }
