'use strict'
// DEBUG is matched as the debug package matches it: commas or whitespace between entries,
// `*` anywhere, `-entry` exclusions that win, empty entries ignored. Checked case by case and
// against the debug package itself (a dev dependency, through express) over generated strings.
const test = require('node:test')
const assert = require('node:assert/strict')
const { createRefusalLog, enabledFor } = require('../../lib/pipeline/debug-log')

const logs = (debug) => createRefusalLog(debug, () => {}) !== null

test('DEBUG namespaces, globs and exclusions', () => {
  const cases = {
    'cors*': true, '*': true, 'cors-native': true, 'express:*,cors-native': true, '  cors-native  ': true,
    'express:* cors-native': true, 'c*-*e': true, ',,cors-native,': true, '*native': true,
    '*,-cors-native': false, 'cors-*,-cors-native': false, '-cors-native,cors-native': false, '*,-cors*': false,
    other: false, 'express:*': false, 'cors': false, 'cors-native-x': false, '': false, ' , ': false, '-': false,
  }
  for (const [debug, expected] of Object.entries(cases)) assert.equal(logs(debug), expected, JSON.stringify(debug))
  assert.equal(logs(undefined), false)
})

// A deterministic generator (mulberry32) so a failure names a string that can be replayed.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function debugStrings() {
  const tokens = ['cors-native', 'cors*', '*', 'cors-*', '*native', 'c*e', '*-*', '**', 'c*r*s*-*n*a*t*i*v*e', '*x*',
    'cors-nativ', 'cors-native*', '*cors-native', 'ors-native', 'cors', 'express:*', 'other', '', '-', '*a*a*', 'n*n']
  const separators = [',', ' ', ', ', '\t', '\n', ',,', ' , ']
  const strings = new Set()
  for (const a of tokens) {
    for (const b of tokens) {
      strings.add(`${a},${b}`)
      strings.add(`-${a} ${b}`)
      strings.add(`${a},-${b}`)
    }
  }
  const next = random(42)
  const pick = (list) => list[Math.floor(next() * list.length)]
  for (let i = 0; i < 500; i++) {
    let s = next() < 0.3 ? pick(separators) : ''
    const count = 1 + Math.floor(next() * 4)
    for (let j = 0; j < count; j++) s += (j ? pick(separators) : '') + (next() < 0.3 ? '-' : '') + pick(tokens)
    strings.add(s)
    // And free-form strings over the characters that matter.
    let free = ''
    for (let j = Math.floor(next() * 16); j > 0; j--) free += pick(['c', 'o', 'r', 's', '-', 'n', 'a', 't', 'i', 'v', 'e', '*', '*', ',', ' ', 'x'])
    strings.add(free)
  }
  return [...strings]
}

test('DEBUG matching agrees with the debug package', (t) => {
  const debug = require('debug')
  const previous = process.env.DEBUG
  const strings = debugStrings()
  assert.ok(strings.length >= 200, `${strings.length} strings`)
  t.diagnostic(`${strings.length} DEBUG strings compared`)
  let onForUs = 0
  try {
    for (const s of strings) {
      debug.enable(s) // also writes process.env.DEBUG, restored below
      assert.equal(logs(s), debug.enabled('cors-native'), `DEBUG=${JSON.stringify(s)}`)
      if (logs(s)) onForUs++
      for (const name of ['cors', 'express:router', 'native', 'x', '']) {
        assert.equal(enabledFor(s, name), debug.enabled(name), `DEBUG=${JSON.stringify(s)}, ${JSON.stringify(name)}`)
      }
    }
  } finally {
    if (previous === undefined) delete process.env.DEBUG
    else process.env.DEBUG = previous
    debug.enable(previous ?? '')
  }
  // Both answers occur often enough for the comparison to mean something.
  assert.ok(onForUs > strings.length / 10 && onForUs < strings.length * 0.9, `${onForUs} of ${strings.length} on`)
})
