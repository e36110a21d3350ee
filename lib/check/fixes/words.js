'use strict'
// What the model's patch asks for, read once for the renderers, and the phrases they share.
const { headerValue } = require('../http')

const listOf = (text) => (text ?? '').split(',').map((item) => item.trim()).filter(Boolean)

/** The recorded answer an edit of the patch applies to, or undefined (a response never sent). */
function answerOf(exchange, { step, hop }) {
  if (step === 'preflight') return hop === null ? exchange.preflight : exchange.responses[hop]?.preflight
  if (step === 'redirect') return exchange.responses[hop]
  return exchange.responses.length && !exchange.responses.at(-1).preflight ? exchange.responses.at(-1) : undefined
}

function mergedCors(headers, set) {
  const merged = new Map()
  for (const [name, value] of headers) if (/^access-control-/i.test(name)) merged.set(name.toLowerCase(), [name, value])
  for (const [name, value] of set) merged.set(name.toLowerCase(), [name, value])
  return [...merged.values()]
}

/**
 * `{ origin, credentials, methods, headers, status }` from the model's patch (its lists keep
 * every name the server sends), plus what the blocked answer showed: `corsRan` (it carries a
 * CORS header or Vary: Origin), `was` (its Allow-Origin) and the rest below. Only edits of
 * answers that were received count: the patch also readies a response the browser never asked
 * for, and the server may already answer it well.
 */
function wanted(patch, exchange, blocked) {
  const edits = patch.map((edit) => ({ ...edit, answer: answerOf(exchange, edit) })).filter((edit) => edit.answer)
  const edit = edits.find((e) => e.step === blocked.step && (e.step === 'response' || e.hop === blocked.hop)) ?? edits[0] ?? { set: [], status: null, step: blocked.step, answer: answerOf(exchange, blocked) }
  const preflight = edits.find((e) => e.step === 'preflight' && e.hop === edit.hop) ?? (edit.step === 'preflight' ? edit : null)
  const set = (edit, name) => edit?.set.find(([n]) => n.toLowerCase() === name)?.[1]
  const anySet = (name) => edits.map((e) => set(e, name)).find((value) => value !== undefined)
  const headers = edit.answer?.headers ?? []
  const preflightHeaders = preflight?.answer?.headers ?? []
  const methods = set(preflight, 'access-control-allow-methods')
  const allowHeaders = set(preflight, 'access-control-allow-headers')
  return {
    step: edit.step,
    failure: blocked.failure,
    reason: blocked.fix,
    origin: anySet('access-control-allow-origin'),
    credentials: anySet('access-control-allow-credentials') === 'true',
    methods: methods === undefined ? null : listOf(methods),
    headers: allowHeaders === undefined ? null : listOf(allowHeaders),
    status: preflight?.status ?? null,
    answerStatus: edit.answer?.status ?? null,
    corsRan: headers.some(([name]) => /^access-control-/i.test(name)) || /\borigin\b/i.test(headerValue(headers, 'vary') ?? ''),
    was: headerValue(headers, 'access-control-allow-origin') ?? null,
    // Whether the preflight showed its lists: without them a renderer can only say "add".
    methodsSent: headerValue(preflightHeaders, 'access-control-allow-methods') !== undefined,
    headersSent: headerValue(preflightHeaders, 'access-control-allow-headers') !== undefined,
    // The preflight's CORS headers with the patched values: an nginx block that repeats them
    // must repeat them all.
    current: mergedCors(preflightHeaders, preflight?.set ?? []),
    // The model's reason says when the written origin is the page's with a typo (a slash, case...).
    typo: blocked.failure === 'allow-origin-mismatch' && /differs only/.test(blocked.fix ?? ''),
  }
}

/** The conditional origin advice: never "allow every origin", always "if this one should be". */
function originAdvice(w, where) {
  if (!w.origin) return null
  if (w.failure === 'wildcard-with-credentials') return `with credentials browsers refuse '*': list the sites that may send cookies in ${where} (if ${w.origin} should be one, add it), never '*', true or a reflected origin`
  if (w.failure === 'multiple-allow-origin') return null
  if (w.typo) return `'${w.was}' ${/differs only [^).;]*/.exec(w.reason)[0]} from the page's origin: if ${w.origin} should be allowed, write it exactly so in ${where}`
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

module.exports = { wanted, originAdvice, jsObject, lists, py, sentence }
