'use strict'
// The options text as the page sees it: the options, their lints and the code to copy.
const cors = require('../..')
const { parseOptionsText, OptionsTextError } = require('./options-text')
const { codeFor } = require('./code')

/** Parses options text into the object cors() takes, or throws an OptionsTextError. */
function optionsFrom(text) {
  const options = parseOptionsText(text)
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new OptionsTextError('the options must be an object: { origin: ... }')
  return options
}

/** Compiles options text: `{ lints, code }` or `{ error }`, never a throw. */
function compileText(text) {
  try {
    const options = optionsFrom(text)
    return { lints: cors.compile(options).lints, code: codeFor(options) }
  } catch (error) {
    if (error instanceof OptionsTextError || error instanceof TypeError) return { error: error.message.replace(/^cors-native: /, '') }
    throw error
  }
}

module.exports = { optionsFrom, compileText }
