'use strict'
// Compiles options into a native policy plus the header values JS writes on each request.
const { NativePolicy, policyEchoesOrigin } = require('./addon')
const { DecisionCache } = require('./decision-cache')
const { actualDecision, passDecision } = require('./decision')
const { mergeWithDefaults, originInput, policyInput, booleanInput } = require('./options')
const { warnOnce } = require('./warnings')

function buildNative(input) {
  try {
    return new NativePolicy(input)
  } catch (error) {
    // The native layer reports invalid option values as InvalidArg; they are the user's
    // TypeErrors, anything else (a caught panic) is a bug and keeps its own type.
    if (error && error.code === 'InvalidArg') throw new TypeError(`cors-native: ${error.message}`)
    throw error
  }
}

// napi leaves absent optional fields out, which would give each policy's headers object its
// own hidden class and make the per-request property reads polymorphic.
function withFixedShape(headers) {
  return {
    varyOrigin: headers.varyOrigin,
    fixedOrigin: headers.fixedOrigin,
    allowCredentials: headers.allowCredentials,
    allowMethods: headers.allowMethods,
    reflectRequestHeaders: headers.reflectRequestHeaders,
    allowHeaders: headers.allowHeaders,
    maxAge: headers.maxAge,
    exposeHeaders: headers.exposeHeaders,
    preflightContinue: headers.preflightContinue,
    optionsSuccessStatus: headers.optionsSuccessStatus,
  }
}

class CompiledPolicy {
  constructor(input, originFunction, allowPrivateNetwork = false) {
    this.native = buildNative(input)
    this.headers = withFixedShape(this.native.headers())
    this.originKind = input.originKind
    this.originFunction = originFunction
    this.strict = input.strict
    this.allowPrivateNetwork = allowPrivateNetwork
    for (const { code, message } of this.native.lints()) warnOnce(code, message)
    const handle = this.native.handle()
    // A lone surrogate would reach Rust as U+FFFD and could match another entry: refuse it.
    this.echoes = new DecisionCache((origin) => origin.isWellFormed() && policyEchoesOrigin(handle, origin))
    this.buildDecisions(handle)
  }

  /**
   * Actual requests get decisions built once: per policy when the origin rule does not depend
   * on the request's origin, else per echoed origin, remembered by a DecisionCache.
   */
  buildDecisions(handle) {
    const values = this.headers
    this.refused = actualDecision(values, undefined, values.varyOrigin, this)
    if (this.originKind === 'disabled' || this.originKind === 'dynamic') this.constant = passDecision(this)
    else if (this.originKind === 'any' || this.originKind === 'fixed') this.constant = actualDecision(values, values.fixedOrigin ?? '*', values.varyOrigin, this)
    else this.constant = this.refused
    this.listed = new DecisionCache((origin) => (origin.isWellFormed() && policyEchoesOrigin(handle, origin) ? actualDecision(values, origin, true, this) : this.refused))
    // Origins echoed by `origin: true` or an origin function's answer (never '*': Vary: Origin).
    this.echoed = new DecisionCache((origin) => actualDecision(values, origin, true, this))
    // An origin function's string answer, sent whatever the request's origin.
    this.answered = new DecisionCache((answer) => actualDecision(values, answer, answer !== '*', this))
  }

  /** The decision of an actual request from `origin` under the policy's static origin rule. */
  actualDecision(origin) {
    if (this.originKind === 'list') return typeof origin === 'string' && origin !== '' ? this.listed.get(origin) : this.refused
    if (this.originKind === 'reflect') return origin ? this.echoed.get(origin) : this.refused
    return this.constant
  }

  /** What a preflight asks for that the policy does not allow ("method PATCH is not allowed"), or null. */
  preflightRefusal(method, requestHeaders) {
    this.preflightRefusals ??= new DecisionCache((key) => {
      const split = key.indexOf('\n')
      return this.native.preflightRefusal(key.slice(0, split), key.slice(split + 1)) ?? null
    })
    return this.preflightRefusals.get(`${method}\n${requestHeaders ?? ''}`)
  }

  /** Why an origin is refused: a sentence, plus the closest configured entry when one is close. */
  originRefusalReasons(origin) {
    if (origin === undefined) return ['the request has no Origin header']
    const reasons = [`origin ${origin} is not allowed`]
    const hint = typeof origin === 'string' && origin.isWellFormed() ? this.native.refusalHint(origin) : null
    if (hint) reasons.push(hint)
    return reasons
  }

  /** Whether the response echoes this request origin (absent or empty origins never are). */
  echoesOrigin(origin) {
    return typeof origin === 'string' && origin !== '' && this.echoes.get(origin)
  }
}

/** Compiles user options (anything cors accepts) into a policy; throws a TypeError if invalid. */
function compilePolicy(options) {
  const merged = mergeWithDefaults(options)
  const originFunction = typeof merged.origin === 'function' ? merged.origin : null
  const allowPrivateNetwork = booleanInput('allowPrivateNetwork', merged.allowPrivateNetwork, 'use true to answer Private Network Access preflights')
  return new CompiledPolicy(policyInput(merged), originFunction, allowPrivateNetwork)
}

/** Compiles only an origin list (a RegExp or array an origin function answered with). */
function compileOriginList(origin) {
  return new CompiledPolicy({ ...policyInput({ methods: '' }), ...originInput(origin) }, null)
}

module.exports = { compilePolicy, compileOriginList }
