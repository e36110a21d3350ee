'use strict'
// Reads a fix's configuration back out of its text, so a test can configure a real server as
// the text says: the first `...` span is the snippet to apply, or, in a conditional origin fix,
// the setting the origin is to be added to.

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

/** `{ setting: [origin] }` from a fix such as "if <origin> should be allowed, add it to `<setting>`". */
function originAddition(text) {
  const found = /\bif (\S+) should be allowed, add it to `([^`]+)`/.exec(text ?? '')
  if (!found) throw new Error(`no origin to add in the fix ${JSON.stringify(text)}`)
  return { [found[2]]: [found[1]] }
}

/**
 * JavaScript `options` edited as the fix `text` says: the options of its snippet replace theirs,
 * or the origin it adds is appended to the list it names.
 */
function editedOptions(options, text) {
  if (/`[^`]*\(\{/.test(text ?? '')) return { ...options, ...jsOptions(text) }
  const [[setting, origins]] = Object.entries(originAddition(text))
  if (!Array.isArray(options[setting])) throw new Error(`the fix adds to \`${setting}\`, which is not a list in ${JSON.stringify(options)}`)
  return { ...options, [setting]: [...options[setting], ...origins] }
}

module.exports = { snippet, jsOptions, originAddition, editedOptions }
