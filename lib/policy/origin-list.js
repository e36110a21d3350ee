'use strict'
// An OriginList: a configured origin list (or what an origin function answered), compiled
// natively; whether it allows an origin is remembered by a BoundedMemo.
const { originListBuild, originListAllows, originListRefusalFix, originListRefusalHint } = require('../addon')
const { BoundedMemo } = require('./bounded-memo')
const { nativeCall } = require('../addon/native-call')
const { originInput } = require('./origin-input')
const { warnOnce } = require('./warnings')

// String.prototype.isWellFormed needs Node 20; with the u flag only a lone surrogate is \p{Cs}.
const LONE_SURROGATE = /\p{Cs}/u

function isWellFormed(text) {
  return !LONE_SURROGATE.test(text)
}

class OriginList {
  /** `regExps`: the entries the native engine cannot run, tested with V8 (as cors does). */
  constructor(handle, regExps = []) {
    this.handle = handle
    this.regExps = regExps
    this.allows = new BoundedMemo((origin) => this.allowsNow(origin))
  }

  /** Asks Rust, uncached. A lone surrogate would reach Rust as U+FFFD and could match another entry: refused. */
  allowsNow(origin) {
    if (isWellFormed(origin) && originListAllows(this.handle, origin)) return true
    return this.regExps.length !== 0 && this.regExps.some((regExp) => regExp.test(origin))
  }

  /** Whether the list allows this request origin (absent or empty origins never are). */
  echoesOrigin(origin) {
    return typeof origin === 'string' && origin !== '' && this.allows.get(origin)
  }

  /** Why an origin is refused: a sentence, plus the closest configured entry when one is close. */
  originRefusalReasons(origin) {
    if (origin === undefined) return ['the request has no Origin header']
    const reasons = [`origin ${origin} is not allowed`]
    const hint = typeof origin === 'string' && isWellFormed(origin) ? originListRefusalHint(this.handle, origin) : null
    if (hint) reasons.push(hint)
    return reasons
  }

  /** What to change in what the origin function answered so that a refused origin is allowed, or null. */
  originRefusalFix(origin) {
    return typeof origin === 'string' ? originListRefusalFix(this.handle, origin) : null
  }
}

/** Compiles what an origin function answered (a RegExp or an array) into an OriginList. */
function compileOriginList(answer) {
  const input = originInput(answer, warnOnce)
  return new OriginList(nativeCall(originListBuild, input), input.regExps)
}

module.exports = { OriginList, compileOriginList }
