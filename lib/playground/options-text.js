'use strict'
// Reads the playground's options text: a JavaScript object literal limited to data (objects,
// arrays, strings, numbers, booleans, null) plus RegExp literals `/.../flags`. It is parsed
// here, character by character: nothing in the text is ever evaluated or executed.

const MAX_LENGTH = 16 * 1024
const MAX_DEPTH = 16

class OptionsTextError extends Error {}

function parseOptionsText(text) {
  if (typeof text !== 'string') throw new OptionsTextError('the options must be text')
  if (text.length > MAX_LENGTH) throw new OptionsTextError(`the options are longer than ${MAX_LENGTH} characters`)
  let pos = 0

  function fail(what) {
    const line = text.slice(0, pos).split('\n').length
    throw new OptionsTextError(`line ${line}: ${what}`)
  }

  function skipSpace() {
    for (;;) {
      while (pos < text.length && /\s/.test(text[pos])) pos++
      if (text.startsWith('//', pos)) {
        while (pos < text.length && text[pos] !== '\n') pos++
      } else {
        return
      }
    }
  }

  function readString() {
    const quote = text[pos++]
    let out = ''
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === '\n') fail('a string is not closed on its line')
      if (text[pos] === '\\') {
        const next = text[pos + 1]
        const simple = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '/': '/' }[next]
        if (simple === undefined) fail(`the escape \\${next} is not supported in strings`)
        out += simple
        pos += 2
      } else {
        out += text[pos++]
      }
    }
    if (text[pos] !== quote) fail('a string is not closed')
    pos++
    return out
  }

  function readRegExp() {
    pos++
    let source = ''
    let inClass = false
    while (pos < text.length && (text[pos] !== '/' || inClass)) {
      const c = text[pos]
      if (c === '\n') fail('a RegExp is not closed on its line')
      if (c === '\\') {
        source += c + (text[pos + 1] ?? '')
        pos += 2
        continue
      }
      if (c === '[') inClass = true
      if (c === ']') inClass = false
      source += c
      pos++
    }
    if (text[pos] !== '/') fail('a RegExp is not closed with /')
    pos++
    const flags = /^[dgimsuvy]*/.exec(text.slice(pos))[0]
    pos += flags.length
    try {
      return new RegExp(source, flags)
    } catch (error) {
      fail(`/${source}/${flags} is not a valid RegExp: ${error.message}`)
    }
  }

  function readKey() {
    if (text[pos] === '"' || text[pos] === "'") return readString()
    const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos))
    if (!name) fail('expected an option name')
    pos += name[0].length
    return name[0]
  }

  function readList(close, readItem) {
    pos++
    skipSpace()
    while (text[pos] !== close) {
      readItem()
      skipSpace()
      if (text[pos] === ',') {
        pos++
        skipSpace()
      } else if (text[pos] !== close) {
        fail(`expected "," or "${close}"`)
      }
    }
    pos++
  }

  function readValue(depth) {
    if (depth > MAX_DEPTH) fail('the options are nested too deeply')
    skipSpace()
    const c = text[pos]
    if (c === '{') {
      const object = {}
      readList('}', () => {
        const key = readKey()
        skipSpace()
        if (text[pos] !== ':') fail(`expected ":" after ${key}`)
        pos++
        Object.defineProperty(object, key, { value: readValue(depth + 1), enumerable: true, writable: true, configurable: true })
      })
      return object
    }
    if (c === '[') {
      const array = []
      readList(']', () => array.push(readValue(depth + 1)))
      return array
    }
    if (c === '"' || c === "'") return readString()
    if (c === '/') return readRegExp()
    const word = /^(true|false|null|undefined|-?\d+(\.\d+)?)/.exec(text.slice(pos))
    if (!word) fail(c === undefined ? 'the options end too early' : `unexpected ${JSON.stringify(c)}`)
    pos += word[0].length
    const literals = { true: true, false: false, null: null, undefined }
    return word[0] in literals ? literals[word[0]] : Number(word[0])
  }

  const value = readValue(0)
  skipSpace()
  if (pos !== text.length) fail('unexpected text after the options')
  return value
}

module.exports = { parseOptionsText, OptionsTextError }
