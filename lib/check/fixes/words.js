'use strict'
// What a patch asks for, read once for the renderers, and the phrases they share.
const { headerValue } = require('../http')
const { listOf } = require('./patch')

function mergedCors(headers, set) {
  const merged = new Map()
  for (const [name, value] of headers) if (/^access-control-/i.test(name)) merged.set(name.toLowerCase(), [name, value])
  for (const [name, value] of set) merged.set(name.toLowerCase(), [name, value])
  return [...merged.values()]
}

/**
 * `{ origin, credentials, methods, headers, status }` from the patch (lists already extended
 * with what the server sends), plus what the failing answer showed: `corsRan` (it carries any
 * CORS header or Vary: Origin), `was` (its Allow-Origin) and the rest below.
 */
function wanted(patch, answer, blocked) {
  const [step] = patch
  const set = (name) => step.set.find(([n]) => n === name)?.[1]
  const headers = answer?.headers ?? []
  return {
    step: step.step,
    failure: blocked.failure,
    reason: blocked.fix,
    origin: set('Access-Control-Allow-Origin'),
    credentials: set('Access-Control-Allow-Credentials') === 'true',
    methods: set('Access-Control-Allow-Methods') === undefined ? null : listOf(set('Access-Control-Allow-Methods')),
    headers: set('Access-Control-Allow-Headers') === undefined ? null : listOf(set('Access-Control-Allow-Headers')),
    status: step.status,
    answerStatus: answer?.status ?? null,
    corsRan: headers.some(([name]) => /^access-control-/i.test(name)) || /\borigin\b/i.test(headerValue(headers, 'vary') ?? ''),
    was: headerValue(headers, 'access-control-allow-origin') ?? null,
    // Whether the answer showed its lists: without them a renderer can only say "add".
    methodsSent: headerValue(headers, 'access-control-allow-methods') !== undefined,
    headersSent: headerValue(headers, 'access-control-allow-headers') !== undefined,
    // The CORS headers the answer carries, with the patched values: an nginx block that
    // repeats them must repeat them all.
    current: mergedCors(headers, step.set),
    // The model's reason says when the written origin is the page's with a typo (a slash, case...).
    typo: blocked.failure === 'allow-origin-mismatch' && /differs only/.test(blocked.fix ?? ''),
  }
}

/** The conditional origin advice: never "allow every origin", always "if this one should be". */
function originAdvice(w, where) {
  if (!w.origin) return null
  if (w.failure === 'wildcard-with-credentials') return `with credentials browsers refuse '*': list the sites that may send cookies in ${where} (if ${w.origin} should be one, add it), never '*', true or a reflected origin`
  if (w.failure === 'multiple-allow-origin') return null
  if (w.typo) return `${w.reason}: if ${w.origin} should be allowed, write it exactly so in ${where}`
  return `if ${w.origin} should be allowed, add it to ${where}${w.was && w.was !== '*' ? ` (keep '${w.was}')` : ''}`
}

const js = (value) => JSON.stringify(value)
const py = (values) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`

/** `{ key: value, ... }` with the given entries, or null when there are none. */
function jsObject(entries) {
  const present = entries.filter(([, value]) => value !== null && value !== undefined && value !== false)
  const property = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : js(key))
  return present.length ? `{ ${present.map(([key, value]) => `${property(key)}: ${js(value)}`).join(', ')} }` : null
}

/**
 * The list options of a patch: `set` holds those whose whole list is known (the answer sent
 * it), `add` phrases the rest ("add "PUT" to `methods`") so that nothing is replaced blindly.
 */
function lists(w, names, quote = js) {
  const set = []
  const add = []
  for (const [key, known, name] of [['methods', w.methodsSent, names.methods], ['headers', w.headersSent, names.headers]]) {
    if (!w[key]) continue
    if (known) set.push([name, w[key]])
    else add.push(`add ${w[key].map(quote).join(', ')} to \`${name}\` (keep the others)`)
  }
  return { set, add: add.join('; ') || null }
}

/** The parts that apply, as one sentence (null when none does). */
function sentence(parts) {
  return parts.filter(Boolean).join('; ') || null
}

module.exports = { wanted, originAdvice, jsObject, lists, js, py, sentence }
