'use strict'
// The option sets the differential test feeds to cors@2.8.6 and cors-native alike: every
// origin form (static, function, delegate) crossed with an all-pairs cover of the other options.
// Values that the README lists as deliberate differences (invalid options, g/y RegExps) are left out.
const { allPairs } = require('./pairwise')
const { isPreflightMethod } = require('../../lib/pipeline/preflight')

const ALLOWED_ORIGIN = 'https://allowed.example'
const OTHER_ORIGIN = 'https://other.example'
const DISALLOWED_ORIGIN = 'https://evil.example'
const FIXED_ORIGIN = 'https://fixed.example'

const ABSENT = Symbol('absent')

function answerWith(answer) {
  return (origin, callback) => callback(null, answer)
}

const origins = [
  ['absent', ABSENT],
  ['undefined', undefined],
  ['"*"', '*'],
  ['true', true],
  ['false', false],
  ['fixed string', FIXED_ORIGIN],
  ['RegExp', /allowed\.example$/],
  ['anchored RegExp with i', /^https:\/\/ALLOWED\.example$/i],
  ['array of strings', [ALLOWED_ORIGIN, OTHER_ORIGIN]],
  ['array of string and RegExp', [ALLOWED_ORIGIN, /other\.example$/]],
  ['nested arrays', [[ALLOWED_ORIGIN], [[/other/]]]],
  ['array holding true', [FIXED_ORIGIN, true]],
  ['array holding "*"', ['*']],
  ['array holding "null"', ['null', OTHER_ORIGIN]],
  ['empty array', []],
  ['function answering true', answerWith(true)],
  ['function answering false', answerWith(false)],
  ['function answering whether allowed', (origin, callback) => callback(null, origin === ALLOWED_ORIGIN)],
  ['function answering "*"', answerWith('*')],
  ['function answering a string', answerWith(FIXED_ORIGIN)],
  ['function echoing the origin', (origin, callback) => callback(null, origin)],
  ['function answering a RegExp', answerWith(/allowed\.example$/)],
  ['function answering an array', answerWith([ALLOWED_ORIGIN, /other/])],
  ['function failing', (origin, callback) => callback(new Error('origin check failed'))],
  ['function answering later', (origin, callback) => setImmediate(callback, null, origin !== DISALLOWED_ORIGIN)],
]

const otherOptions = {
  form: ['static', 'delegate'],
  methods: [ABSENT, 'GET,POST', ['GET', 'PUT', 'DELETE'], 'get, post', []],
  allowedHeaders: [ABSENT, 'Content-Type,Authorization', ['X-Custom', 'Content-Type'], '', [], { headers: ['X-Alias'] }],
  exposedHeaders: [ABSENT, 'X-Total', ['X-Total', 'X-Page'], []],
  credentials: [ABSENT, true, false],
  maxAge: [ABSENT, 0, 600, '600'],
  preflightContinue: [ABSENT, false, true],
  optionsSuccessStatus: [ABSENT, 200, 204],
}

function describe(value) {
  if (value === ABSENT) return 'absent'
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof RegExp) return String(value)
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${describe(v)}`).join(', ')}}`
  return String(value)
}

function optionsFor(originName, origin, choices) {
  const options = {}
  const labels = [`origin ${originName}`]
  if (origin !== ABSENT) options.origin = origin
  for (const [name, value] of Object.entries(choices)) {
    if (name === 'form') continue
    labels.push(`${name} ${describe(value)}`)
    if (value === ABSENT) continue
    if (name === 'allowedHeaders' && value && value.headers) options.headers = value.headers
    else options[name] = value
  }
  if (choices.form === 'static') return { label: labels.join(', '), options }
  labels.push('as a delegate')
  return { label: labels.join(', '), options: (req, callback) => callback(null, options) }
}

/** Every option set of the matrix, each `{ label, options }` where options is what cors() takes. */
function optionMatrix() {
  const names = Object.keys(otherOptions)
  const rows = allPairs(names.map((name) => otherOptions[name].length))
  const sets = []
  for (const [originName, origin] of origins) {
    for (const row of rows) {
      const choices = Object.fromEntries(names.map((name, i) => [name, otherOptions[name][row[i]]]))
      sets.push(optionsFor(originName, origin, choices))
    }
  }
  sets.push({ label: 'a delegate failing', options: (req, callback) => callback(new Error('delegate failed')) })
  sets.push({
    label: 'a delegate choosing options by request method',
    options: (req, callback) => callback(null, isPreflightMethod(req.method) ? { origin: ALLOWED_ORIGIN, maxAge: 60 } : { origin: true }),
  })
  sets.push({ label: 'no options at all', options: undefined })
  return sets
}

module.exports = { optionMatrix, ALLOWED_ORIGIN, OTHER_ORIGIN, DISALLOWED_ORIGIN }
