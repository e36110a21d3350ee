'use strict'
// policy.explain(): what a policy sends for a request described in words, and what each
// browser does with it. The pipeline gives the policy's answers (and why it refuses an
// origin); the browser model decides whether there is a preflight and whether the page may
// read the response. Nothing about the browser is decided here.
const vary = require('vary')
const { requestShape } = require('.')
const { refuses } = require('./decision')
const { browserVerdicts, pageHeaders, SOME_URL } = require('../browser/verdict')
const { preflightRequest } = require('../browser/model')
const { cookiesOption, explainCookies } = require('./explain-cookies')

const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }

/** The decision's headers as the Express adapter would leave them on a fresh response. */
function headersOf(decision) {
  const headers = {}
  const list = decision.headers
  for (let i = 0; i < list.length; i += 2) {
    const [name, value] = [list[i], list[i + 1]]
    headers[name] = name === 'Vary' && headers.Vary !== undefined ? vary.append(headers.Vary, value) : value
  }
  if (decision.end) headers['Content-Length'] = String(Buffer.byteLength(decision.body ?? ''))
  return headers
}

/** The pipeline's decision for `request` when it is known now: `{ settled, error, decision }`. */
function decideNow(pipeline, request) {
  const outcome = { settled: false, error: null, decision: null }
  pipeline.decide(request, undefined, (error, decision) => Object.assign(outcome, { settled: true, error, decision }))
  return outcome
}

/**
 * Asks `pipeline` about the described request and the browser model about its answers.
 * `preflight` and `allowed` are the model's: allowed exactly when every engine allows;
 * `engines` holds each engine's verdict with its console line (quoting `url`); `cookies` what
 * each engine does with the Set-Cookie values the request names, `cookieProblems` the notes.
 */
function explain(pipeline, request = {}) {
  const cookies = cookiesOption(request)
  const { origin, method = 'GET', requestHeaders, privateNetwork = false, credentials = false, url = SOME_URL } = request
  const asked = preflightRequest({ url, origin: origin ?? 'null', method, headers: pageHeaders(requestHeaders), credentials: 'same-origin' })
  const askedHeaders = asked.headers.length ? asked.headers.join(',') : undefined
  const first = asked.needed
    ? decideNow(pipeline, requestShape('OPTIONS', origin, asked.method, askedHeaders, privateNetwork))
    : decideNow(pipeline, requestShape(method, origin, undefined, undefined, false))
  const result = { allowed: false, preflight: asked.needed, status: 200, headers: {}, reasons: [], engines: null, cookies: [], cookieProblems: [] }
  if (!first.settled) {
    result.reasons.push('the origin is decided by an asynchronous origin function, which explain() cannot wait for')
    return result
  }
  if (first.error !== null) {
    result.reasons.push(`the origin function failed: ${first.error.message}`)
    return result
  }
  const decision = first.decision
  result.status = decision.end ? decision.status : 200
  result.headers = headersOf(decision)
  const actual = asked.needed ? decideNow(pipeline, requestShape(method, origin, undefined, undefined, false)).decision : decision
  result.engines = browserVerdicts({ url, origin, method, requestHeaders, credentials }, asked.needed ? decision : null, actual)
  result.allowed = result.engines !== null && Object.values(result.engines).every((engine) => engine.allowed)
  const judged = explainCookies(pipeline.policy, { url, origin, method, requestHeaders, credentials, cookies }, asked.needed ? decision : null, actual)
  result.cookies = judged.cookies
  result.cookieProblems = judged.problems
  // The policy knows its options: the fix of its own refusal, or of what a browser refuses in
  // its answer, is its edit of them (a delegate's policy is not known here: the model's fix).
  const policyFix = origin !== undefined && refuses(decision, origin) ? decision.explainer.originRefusalFix(origin) : decision.fix
  for (const engine of Object.values(result.engines ?? {})) {
    if (engine.allowed) continue
    const fix = policyFix ?? pipeline.policy?.engineFix(engine.failure, origin, asked.method ?? method, askedHeaders ?? '')
    if (fix) engine.fix = fix
  }
  result.reasons.push(...reasons(decision, origin, result, asked, policyFix))
  if (privateNetwork && asked.needed && result.headers['Access-Control-Allow-Private-Network'] !== 'true') {
    result.reasons.push('the preflight asks for private network access, which the policy does not allow (allowPrivateNetwork: true); only Chromium before 142 sends this question: 142 and later, and Firefox, ask the user with a local network access prompt instead')
  }
  return result
}

/** Why: the policy's own refusal and its fix first, then each blocking engine's step and fix. */
function reasons(decision, origin, result, asked, policyFix) {
  if (origin === undefined) return ['the request has no Origin header']
  if (refuses(decision, origin)) return [...decision.explainer.originRefusalReasons(origin), ...(policyFix === null ? [] : [policyFix])]
  const found = []
  if (decision.body !== null) found.push(`the preflight is refused with ${decision.status}: ${decision.body}`)
  if (policyFix !== null) return [...found, policyFix]
  const allowOrigin = result.headers['Access-Control-Allow-Origin']
  if (allowOrigin === '*') found.push('every origin is allowed (Access-Control-Allow-Origin: *)')
  else if (allowOrigin === origin) found.push(`origin ${origin} is allowed`)
  if (allowOrigin === '*' && result.headers['Access-Control-Allow-Credentials'] === 'true') {
    found.push('credentialed requests (cookies) still fail: browsers refuse Access-Control-Allow-Origin: * with credentials')
  }
  const blocked = Object.entries(result.engines ?? {}).filter(([, engine]) => !engine.allowed)
  if (blocked.length === 0) {
    if (asked.needed) found.push(`method ${asked.method}${asked.headers.length ? ` and headers ${asked.headers.join(', ')}` : ''} are allowed`)
    return found
  }
  // Engines that fail the same way share one reason.
  const byFix = new Map()
  for (const [name, engine] of blocked) byFix.set(engine.fix, [...(byFix.get(engine.fix) ?? []), ENGINE_NAMES[name]])
  for (const [fix, names] of byFix) found.push(`${names.join(', ')} will refuse it at the ${blocked.find(([, e]) => e.fix === fix)[1].step}: ${fix}`)
  return found
}

module.exports = { explain }
