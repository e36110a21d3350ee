'use strict'
// Reads a fix's configuration back out of its text, so a test can configure a real server as
// the text says: the first `...` span is the snippet to apply.

/** The first backquoted span of `text`; throws when there is none. */
function snippet(text) {
  const found = /`([^`]+)`/.exec(text ?? '')
  if (!found) throw new Error(`no configuration snippet in the fix ${JSON.stringify(text)}`)
  return found[1]
}

/** The options object of a JavaScript snippet such as `cors({ methods: ["GET", "PUT"] })`, parsed as JSON. */
function jsOptions(text) {
  const object = /\{.*\}/.exec(snippet(text))?.[0]
  if (!object) throw new Error(`no options object in the fix ${JSON.stringify(text)}`)
  return JSON.parse(object.replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":'))
}

module.exports = { snippet, jsOptions }
