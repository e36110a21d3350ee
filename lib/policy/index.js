'use strict'
// A Policy: options compiled into the native policy, its header values, and the decisions of
// actual requests, built once (per policy, or per echoed origin through a DecisionCache).
const { policyBuild, policyHeaderValues, policyLints, policyOriginList, policyPreflightRefusal } = require('../addon')
const { DecisionCache } = require('./decision-cache')
const { actualDecision, passDecision } = require('../pipeline/decision')
const { nativeCall } = require('../addon/native-call')
const { OriginList, compileOriginList } = require('./origin-list')
const { mergeWithDefaults, policyInput, booleanInput } = require('./options')
const { warnOnce } = require('./warnings')

class Policy {
  constructor({ input, mistakes }, originFunction, allowPrivateNetwork) {
    if (input.strict && mistakes.length > 0) {
      throw new TypeError(`cors-native: strict: the options have mistakes: ${mistakes.map((found) => `${found.code}: ${found.message}`).join('; ')}`)
    }
    this.handle = nativeCall(policyBuild, input)
    this.mistakes = mistakes
    this.silenced = input.silenced
    /** The header values (fixed shape: absent ones are null). */
    this.headers = policyHeaderValues(this.handle)
    this.originRule = input.origin.kind
    this.originFunction = originFunction
    this.strict = input.strict
    this.allowPrivateNetwork = allowPrivateNetwork
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
    this.listed = new DecisionCache((origin) => (list.allowsNow(origin) ? actualDecision(values, origin, true, this) : this.refused))
    // Origins echoed by `origin: true` or an origin function's answer (never '*': Vary: Origin).
    this.echoed = new DecisionCache((origin) => actualDecision(values, origin, true, this))
    // An origin function's string answer, sent whatever the request's origin.
    this.answered = new DecisionCache((answer) => actualDecision(values, answer, answer !== '*', this))
  }

  /** The decision of an actual request from `origin` under the policy's static origin rule. */
  actualDecision(origin) {
    if (this.originRule === 'list') return typeof origin === 'string' && origin !== '' ? this.listed.get(origin) : this.refused
    if (this.originRule === 'reflect') return origin ? this.echoed.get(origin) : this.refused
    return this.constant
  }

  /** What a preflight asks for that the policy does not allow ("method PATCH is not allowed"), or null. */
  preflightRefusal(method, requestHeaders) {
    this.preflightRefusals ??= new DecisionCache((key) => {
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

  /** Warns of a mistake in an origin function's answer, unless its code is turned off. */
  warn(code, message) {
    if (!this.silenced.includes(code)) warnOnce(code, message)
  }

  /** The mistakes found in the options: those seen in JS, then the native lints. */
  get lints() {
    return [...this.mistakes, ...policyLints(this.handle)]
  }
}

/** Compiles user options (anything cors accepts) into a policy; throws a TypeError if invalid. */
function compilePolicy(options) {
  const merged = mergeWithDefaults(options)
  const originFunction = typeof merged.origin === 'function' ? merged.origin : null
  const allowPrivateNetwork = booleanInput('allowPrivateNetwork', merged.allowPrivateNetwork, 'use true to answer Private Network Access preflights')
  return new Policy(policyInput(merged), originFunction, allowPrivateNetwork)
}

module.exports = { compilePolicy }
