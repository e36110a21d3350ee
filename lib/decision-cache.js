'use strict'
// A bounded memo of native decisions, so a repeated origin costs one Map lookup and no call
// into Rust. The bounds hold whatever clients send: at most MAX_ENTRIES keys, none longer than
// MAX_KEY_LENGTH (a real origin is far shorter; longer ones are decided natively every time).

const MAX_ENTRIES = 10_000
const MAX_KEY_LENGTH = 256

class DecisionCache {
  constructor(decide) {
    this.decide = decide
    this.entries = new Map()
  }

  get(key) {
    const known = this.entries.get(key)
    if (known !== undefined) return known
    const decision = this.decide(key)
    if (key.length <= MAX_KEY_LENGTH) {
      // Oldest first: Map iterates in insertion order.
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value)
      this.entries.set(key, decision)
    }
    return decision
  }

  get size() {
    return this.entries.size
  }
}

module.exports = { DecisionCache, MAX_ENTRIES, MAX_KEY_LENGTH }
