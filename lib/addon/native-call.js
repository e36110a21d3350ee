'use strict'
// Calls a native builder. The native layer reports invalid option values as InvalidArg; those
// are the user's TypeErrors. Anything else (a caught panic) is a bug and keeps its own type.

function nativeCall(build, input) {
  try {
    return build(input)
  } catch (error) {
    if (error && error.code === 'InvalidArg') throw new TypeError(`cors-native: ${error.message}`)
    throw error
  }
}

module.exports = { nativeCall }
