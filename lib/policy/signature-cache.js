'use strict'
// Remembers what per-request answers (an options delegate's options, an origin function's
// RegExp or array) compiled to, keyed by a signature of their content: a callback may build an
// equal object per request, or mutate and return the same one (cors reads it afresh each time,
// so identity alone would go stale). The bound holds whatever the callbacks return.

const MAX_SIGNATURES = 64

class SignatureCache {
  constructor(compile) {
    this.compile = compile
    this.bySignature = new Map()
  }

  get(value) {
    const key = signature(value)
    let policy = this.bySignature.get(key)
    if (!policy) {
      policy = this.compile(value)
      if (this.bySignature.size >= MAX_SIGNATURES) this.bySignature.delete(this.bySignature.keys().next().value)
      this.bySignature.set(key, policy)
    }
    return policy
  }
}

const objectIds = new WeakMap()
let nextObjectId = 0

function identityOf(object) {
  let id = objectIds.get(object)
  if (id === undefined) objectIds.set(object, (id = ++nextObjectId))
  return id
}

/** A string equal for values that compile to the same policy (functions by identity). */
function signature(value) {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof String) return 'S' + JSON.stringify(String(value))
  if (value instanceof RegExp) return 'R' + JSON.stringify([value.source, value.flags])
  if (Array.isArray(value)) return '[' + value.map(signature).join(',') + ']'
  if (typeof value === 'function') return 'F' + identityOf(value)
  if (value !== null && typeof value === 'object') {
    // Own enumerable keys only, as Object.assign copies them; an explicit undefined counts.
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + signature(value[k])).join(',') + '}'
  }
  return typeof value + ':' + String(value)
}

module.exports = { SignatureCache, signature }
