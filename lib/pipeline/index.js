'use strict'
// The one request pipeline. An adapter reads its request once into a RequestShape; the pipeline
// decides once (the origin to allow, preflight or not, strict refusal, Private Network Access)
// and hands back a Decision, which the adapter applies. Refusals are logged here and only here.
const { compilePolicy } = require('../policy')
const { compileOriginList } = require('../policy/origin-list')
const { SignatureCache } = require('../policy/signature-cache')
const { refuses, actualDecision, preflightDecision, strictRefusalDecision } = require('./decision')
const { createRefusalLog } = require('./debug-log')
const { isString, show } = require('../policy/origin-input')
const { isPreflightMethod, isPreflight } = require('./preflight')
const { warnOnce } = require('../policy/warnings')

/**
 * A request as CORS sees it, read once by an adapter. Every field is always set, so every
 * request has one shape. A literal, not a class: measured in S8, a class instance captured by
 * the origin function's callback cost about 300 ns more per request.
 * @param {string} method the request method as sent
 * @param {string | undefined} origin the Origin header
 * @param {string | undefined} requestMethod Access-Control-Request-Method
 * @param {string | undefined} requestHeaders Access-Control-Request-Headers
 * @param {boolean} privateNetwork Access-Control-Request-Private-Network is "true"
 */
function requestShape(method, origin, requestMethod, requestHeaders, privateNetwork) {
  return { method, origin, requestMethod, requestHeaders, privateNetwork }
}

/** The decision for `request`, given the decision its origin gets on an actual request. */
function decideFor(policy, request, actual) {
  if (policy.originRule === 'disabled' || !isPreflightMethod(request.method)) return actual
  const privateNetwork = policy.allowPrivateNetwork && request.privateNetwork
  if (!policy.strict) return preflightDecision(policy.headers, actual.allowOrigin, actual.varyOrigin, request, privateNetwork, false, actual.explainer)
  // Strict: only a browser's preflight (with an Origin) gets the preflight answer.
  if (!request.origin || !isPreflight(request.method, request.requestMethod)) return actual
  const refusal = strictRefusal(policy, actual, request)
  if (refusal !== null) return strictRefusalDecision(refusal, actual.allowOrigin, actual.explainer)
  return preflightDecision(policy.headers, actual.allowOrigin, actual.varyOrigin, request, privateNetwork, true, actual.explainer)
}

/** Why a strict preflight is refused, `{ reason, fix }` (the 403's short text, the options' edit), or null. */
function strictRefusal(policy, actual, request) {
  if (refuses(actual, request.origin)) return { reason: `origin ${request.origin} is not allowed`, fix: null }
  if (request.privateNetwork && !policy.allowPrivateNetwork) return { reason: 'private network access is not allowed', fix: null }
  return policy.preflightRefusal(request.requestMethod, request.requestHeaders)
}

/** The actual-request decision for an origin function's (truthy) answer. */
function answeredDecision(policy, answer, origin, originLists) {
  if (isString(answer)) return policy.answered.get(String(answer))
  if (answer === true) return origin ? policy.echoed.get(origin) : actualDecision(policy.headers, undefined, true, policy)
  if (answer instanceof RegExp || Array.isArray(answer)) {
    const list = originLists.get(answer)
    return list.echoesOrigin(origin) ? policy.echoed.get(origin) : actualDecision(policy.headers, undefined, true, list)
  }
  // cors echoes the origin for any other truthy answer.
  policy.warn('CORS_NATIVE_ORIGIN_TYPE', `the origin function answered ${show(answer)}, which is not an origin rule, so ` +
    '(as cors does) the origin is echoed; answer true if that is meant')
  return answeredDecision(policy, true, origin, originLists)
}

/** Whether an origin function or delegate returned a Promise (or another thenable). */
function isThenable(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function'
}

/** The error a rejection answers with; a rejection without a reason is still an error. */
function rejection(what, reason) {
  return reason || new Error(`cors-native: the ${what}'s Promise rejected with ${String(reason)}`)
}

/**
 * The first answer of an origin function or delegate (callback or Promise) wins; a later one is
 * ignored, and said once per process. Not a policy lint (src/policy/codes.rs), so the `warnings`
 * option does not name it; --disable-warning=CORS_DOUBLE_ANSWER turns it off.
 */
function doubleAnswer(what, how) {
  warnOnce(DOUBLE_ANSWER, `the ${what} ${how}; the first answer was used and this one ignored`)
}
const DOUBLE_ANSWER = 'CORS_DOUBLE_ANSWER'

/**
 * One policy's pipeline. `options` are cors options, or a delegate `(source, callback)` that
 * answers them per request (`source` is whatever the adapter's users expect: req or Request).
 */
class Pipeline {
  constructor(options) {
    this.log = createRefusalLog()
    this.originLists = new SignatureCache(compileOriginList)
    const delegated = typeof options === 'function'
    this.delegate = delegated ? options : null
    this.policies = delegated ? new SignatureCache(compilePolicy) : null
    this.policy = delegated ? null : compilePolicy(options)
    /** Whether every decision is known synchronously (no delegate, no origin function). */
    this.sync = !delegated && this.policy.originFunction === null
  }

  /** The decision for a static origin rule (only when `sync`). */
  decideNow(request) {
    const policy = this.policy
    const actual = policy.actualDecision(request.origin)
    const decision = isPreflightMethod(request.method) ? decideFor(policy, request, actual) : actual
    return this.log === null ? decision : this.settle(request, decision)
  }

  /**
   * `done(error, decision, a, b)` for any policy, called synchronously when nothing waits.
   * `a` and `b` are passed through, so an adapter needs no closure per request.
   */
  decide(request, source, done, a, b) {
    if (this.sync) return done(null, this.decideNow(request), a, b)
    if (this.delegate === null) return this.askOriginFunction(this.policy, request, done, a, b)
    let answered = false
    const delegate = this.delegate
    const returned = delegate(source, (error, options) => {
      if (answered) return doubleAnswer('delegate', 'called its callback again')
      answered = true
      this.delegated(request, error, options, done, a, b)
    })
    if (!isThenable(returned)) return
    returned.then((options) => {
      if (answered) return options === undefined || doubleAnswer('delegate', 'resolved after its callback answered')
      // An async function that takes the callback and resolves with nothing answers by the callback (as with cors).
      if (options === undefined && delegate.length >= 2) return
      answered = true
      this.delegated(request, null, options, done, a, b)
    }, (error) => {
      if (answered) return doubleAnswer('delegate', 'rejected after its callback answered')
      answered = true
      this.delegated(request, rejection('delegate', error), undefined, done, a, b)
    })
  }

  /** Continues with the options a delegate answered. */
  delegated(request, error, options, done, a, b) {
    if (error) return done(error, null, a, b)
    let policy
    try {
      policy = this.policies.get(options)
    } catch (invalidOptions) {
      return done(invalidOptions, null, a, b)
    }
    if (policy.originFunction === null) return done(null, this.settle(request, decideFor(policy, request, policy.actualDecision(request.origin))), a, b)
    this.askOriginFunction(policy, request, done, a, b)
  }

  askOriginFunction(policy, request, done, a, b) {
    let answered = false
    const returned = policy.originFunction(request.origin, (error, answer) => {
      if (answered) return doubleAnswer('origin function', 'called its callback again')
      answered = true
      this.answered(policy, request, error, answer, done, a, b)
    })
    // The one check an origin function's request pays: whether it returned a Promise.
    if (!isThenable(returned)) return
    // An async origin function: its Promise answers as its callback would, whichever answers first.
    returned.then((answer) => {
      if (answered) return answer === undefined || doubleAnswer('origin function', 'resolved after its callback answered')
      // An async function that takes the callback and resolves with nothing answers by the callback (as with cors).
      if (answer === undefined && policy.originFunction.length >= 2) return
      answered = true
      this.answered(policy, request, null, answer, done, a, b)
    }, (error) => {
      if (answered) return doubleAnswer('origin function', 'rejected after its callback answered')
      answered = true
      this.answered(policy, request, rejection('origin function', error), undefined, done, a, b)
    })
  }

  /** Continues with the origin function's answer. */
  answered(policy, request, error, answer, done, a, b) {
    if (error) return done(error, null, a, b)
    if (!answer) return done(null, this.settle(request, policy.saidNo), a, b)
    let actual
    try {
      actual = answeredDecision(policy, answer, request.origin, this.originLists)
    } catch (invalidAnswer) {
      return done(invalidAnswer, null, a, b)
    }
    done(null, this.settle(request, decideFor(policy, request, actual)), a, b)
  }

  /** Logs a refused request (DEBUG=cors-native): the one place refusals are logged. */
  settle(request, decision) {
    if (this.log !== null && (decision.body !== null || refuses(decision, request.origin))) {
      const origin = request.origin
      if (refuses(decision, origin)) this.log(request, decision, decision.explainer.originRefusalReasons(origin), decision.explainer.originRefusalFix(origin))
      else this.log(request, decision, [decision.body], decision.fix)
    }
    return decision
  }
}

module.exports = { Pipeline, requestShape }
