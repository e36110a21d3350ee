'use strict'
// Compiles options into a native policy plus the header values JS writes on each request.
const { NativePolicy, policyEchoesOrigin } = require('../cors-native.node')
const { DecisionCache } = require('./decision-cache')
const { mergeWithDefaults, originInput, policyInput } = require('./options')

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
  constructor(input, originFunction) {
    this.native = buildNative(input)
    this.headers = withFixedShape(this.native.headers())
    this.originKind = input.originKind
    this.originFunction = originFunction
    const handle = this.native.handle()
    // A lone surrogate would reach Rust as U+FFFD and could match another entry: refuse it.
    this.echoes = new DecisionCache((origin) => origin.isWellFormed() && policyEchoesOrigin(handle, origin))
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
  return new CompiledPolicy(policyInput(merged), originFunction)
}

/** Compiles only an origin list (a RegExp or array an origin function answered with). */
function compileOriginList(origin) {
  return new CompiledPolicy({ ...policyInput({ methods: '' }), ...originInput(origin) }, null)
}

module.exports = { compilePolicy, compileOriginList }
