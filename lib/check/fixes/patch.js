'use strict'
// What the failing answer must change, in the shape the browser model's patch takes:
// `[{ step, hop, set: [[name, value]], remove: [name], status }]`. Until the model returns its
// own patch, this reads it off the first blocking verdict: the value the browser wanted, with
// every method and header the server already answers kept.
const { headerValue } = require('../http')

const listOf = (text) => (text ?? '').split(',').map((item) => item.trim()).filter(Boolean)
const has = (list, item, { caseless }) => list.some((entry) => (caseless ? entry.toLowerCase() === item.toLowerCase() : entry === item))

/** `list` with `items` appended when missing: methods compare exactly, header names in any case. */
function extended(list, items, caseless) {
  const result = [...list]
  for (const item of items) if (!has(result, item, { caseless })) result.push(item)
  return result
}

/** The answer the verdict judged: the page's preflight, a redirect target's, or a hop of the actual request. */
function failingAnswer(exchange, { step, hop }) {
  if (step === 'preflight') return hop === null ? exchange.preflight : exchange.responses[hop]?.preflight
  return exchange.responses[hop ?? exchange.responses.length - 1]
}

const OK_STATUS = (status) => status >= 200 && status < 300

/**
 * `request`: the checked request; `asked`: the model's prediction (requestMethod, requestHeaders,
 * requestMethodSafelisted); `blocked`: the first blocking verdict. Returns the patch and the
 * answer it applies to.
 */
function patchFor(request, asked, blocked, exchange) {
  const answer = failingAnswer(exchange, blocked)
  const headers = answer?.headers ?? []
  const set = []
  const remove = []
  let status = null
  const include = request.credentials === 'include'
  const allowOrigin = headerValue(headers, 'access-control-allow-origin')
  // Never allow `null`: it is the origin of sandboxed pages and redirects, any site can send it.
  const wantsOrigin = allowOrigin !== request.origin || blocked.failure === 'multiple-allow-origin'
  if (wantsOrigin && request.origin !== 'null') set.push(['Access-Control-Allow-Origin', request.origin])
  if (include && headerValue(headers, 'access-control-allow-credentials') !== 'true') set.push(['Access-Control-Allow-Credentials', 'true'])
  if (blocked.step === 'preflight') {
    // Without credentials a `*` list covers everything the engines send (Authorization too).
    const covers = (list) => list.includes('*') && !include
    const methods = listOf(headerValue(headers, 'access-control-allow-methods'))
    if (!asked.requestMethodSafelisted && !covers(methods) && !has(methods, asked.requestMethod, { caseless: false })) {
      set.push(['Access-Control-Allow-Methods', extended(methods, [asked.requestMethod], false).join(', ')])
    }
    const allowed = listOf(headerValue(headers, 'access-control-allow-headers'))
    const missing = covers(allowed) ? [] : asked.requestHeaders.filter((name) => !has(allowed, name, { caseless: true }))
    if (missing.length) set.push(['Access-Control-Allow-Headers', extended(allowed, missing, true).join(', ')])
    if (answer && !OK_STATUS(answer.status)) status = 204
  }
  if (set.some(([name]) => name === 'Access-Control-Allow-Origin') && allowOrigin !== '*') {
    if (!listOf(headerValue(headers, 'vary')).some((name) => name.toLowerCase() === 'origin')) set.push(['Vary', 'Origin'])
  }
  return { patch: [{ step: blocked.step, hop: blocked.hop, set, remove, status }], answer }
}

module.exports = { patchFor, listOf }
