'use strict'
// A Policy: options compiled into the native policy, its header values, and the decisions of
// actual requests, built once (per policy, or per echoed origin through a BoundedMemo).
const { policyBuild, policyEngineFix, policyHeaderValues, policyLints, policyOriginFix, policyOriginList, policyPreflightRefusal, policyReports } = require('../addon')
const { BoundedMemo } = require('./bounded-memo')
const { actualDecision, passDecision } = require('../pipeline/decision')
const { nativeCall } = require('../addon/native-call')
const { OriginList, compileOriginList } = require('./origin-list')
const { policyInput, booleanInput } = require('./options')
const { warnOnce } = require('./warnings')

class Policy {
  /** `input`: the native policy input, carrying the mistakes found in JS to be reported natively. */
  constructor(input, originFunction, allowPrivateNetwork) {
    this.handle = nativeCall(policyBuild, input)
    /** The header values (fixed shape: absent ones are null). */
    this.headers = policyHeaderValues(this.handle)
    this.originRule = input.origin.kind
    this.originFunction = originFunction
    this.strict = input.strict
    this.allowPrivateNetwork = allowPrivateNetwork
    /** Whether the native policy reports a code, asked once per code (see warn). */
    this.reportsCode = new Map()
    for (const { code, message } of this.lints) warnOnce(code, message)
    const listHandle = policyOriginList(this.handle)
    this.originList = listHandle === null ? null : new OriginList(listHandle, input.origin.regExps)
    this.buildDecisions()
  }

  buildDecisions() {
    const values = this.headers
    const list = this.originList
    this.refused = actualDecision(values, undefined, values.varyOrigin, this)
    if (this.originRule === 'disabled' || this.originRule === 'dynamic') this.constant = passDecision(this)
    else if (this.originRule === 'any' || this.originRule === 'fixed') this.constant = actualDecision(values, values.fixedOrigin ?? '*', values.varyOrigin, this)
    else this.constant = this.refused
    // A listed origin's decision; the list's own cache is skipped, this one remembers it.
    this.listed = new BoundedMemo((origin) => (list.allowsNow(origin) ? actualDecision(values, origin, true, this) : this.refused))
    // The origin function answered no.
    this.saidNo = passDecision({
      originRefusalReasons: (origin) => [`the origin function answered false for origin ${origin}`],
      originRefusalFix: (origin) => this.originRefusalFix(origin),
    })
    // Origins echoed by `origin: true` or an origin function's answer (never '*': Vary: Origin).
    this.echoed = new BoundedMemo((origin) => actualDecision(values, origin, true, this))
    // An origin function's string answer, sent whatever the request's origin.
    this.answered = new BoundedMemo((answer) => actualDecision(values, answer, answer !== '*', this))
  }

  /** The decision of an actual request from `origin` under the policy's static origin rule. */
  actualDecision(origin) {
    if (this.originRule === 'list') return typeof origin === 'string' && origin !== '' ? this.listed.get(origin) : this.refused
    if (this.originRule === 'reflect') return origin ? this.echoed.get(origin) : this.refused
    return this.constant
  }

  /** What a preflight asks for that the policy does not allow, `{ reason, fix }` ("method PATCH is not allowed"), or null. */
  preflightRefusal(method, requestHeaders) {
    this.preflightRefusals ??= new BoundedMemo((key) => {
      const split = key.indexOf('\n')
      return policyPreflightRefusal(this.handle, key.slice(0, split), key.slice(split + 1))
    })
    return this.preflightRefusals.get(`${method}\n${requestHeaders ?? ''}`)
  }

  /** Why an origin is refused: a sentence, plus the closest configured entry when one is close. */
  originRefusalReasons(origin) {
    if (this.originList !== null) return this.originList.originRefusalReasons(origin)
    if (origin === undefined) return ['the request has no Origin header']
    // A single origin string gets the same hints as a list entry (trailing slash, case, port).
    if (this.originRule === 'fixed') {
      this.fixedOriginList ??= compileOriginList([this.headers.fixedOrigin])
      return this.fixedOriginList.originRefusalReasons(origin)
    }
    return [`origin ${origin} is not allowed`]
  }

  /** What to change in the options so that a refused origin is allowed, if it should be, or null. */
  originRefusalFix(origin) {
    return typeof origin === 'string' ? policyOriginFix(this.handle, origin) : null
  }

  /**
   * The fix, as the options edited, for what a browser refuses in this policy's answer
   * (`failure`: the model's code; `requestHeaders`: comma-separated names), or null.
   */
  engineFix(failure, origin, method, requestHeaders) {
    return policyEngineFix(this.handle, failure, origin, method, requestHeaders)
  }

  /** Warns of a mistake in an origin function's answer, unless the policy turns its code off. */
  warn(code, message) {
    // A mistaken answer may come with every request: the native policy is asked once per code.
    if (!this.reportsCode.has(code)) this.reportsCode.set(code, policyReports(this.handle, code))
    if (this.reportsCode.get(code)) warnOnce(code, message)
  }

  /** The mistakes found in the options (those seen in JS first), less those turned off. */
  get lints() {
    return policyLints(this.handle)
  }
}

/** Compiles user options (anything cors accepts) into a policy; throws a TypeError if invalid. */
function compilePolicy(options) {
  const { input, merged } = policyInput(options)
  const originFunction = typeof merged.origin === 'function' ? merged.origin : null
  const allowPrivateNetwork = booleanInput('allowPrivateNetwork', merged.allowPrivateNetwork, 'use true to answer the Private Network Access preflights of Chromium before 142 (142 and later, and Firefox, ask the user with a local network access prompt instead)')
  return new Policy(input, originFunction, allowPrivateNetwork)
}

module.exports = { compilePolicy }
