'use strict'
// A bounded memo of native decisions, so a repeated origin costs one Map lookup and no call
// into Rust. The bounds hold whatever clients send: at most MAX_ENTRIES keys, none longer than
// MAX_KEY_LENGTH (a real origin is far shorter; longer ones are decided natively every time).
//
// Two generations instead of FIFO eviction: deleting a Map's oldest key leaves holes that
// keys().next() walks over, so FIFO costs microseconds per miss once the cache is full.
// Here a full young generation becomes the old one and the previous old one is dropped.

const MAX_ENTRIES = 10_000
const MAX_KEY_LENGTH = 256
const GENERATION_SIZE = MAX_ENTRIES / 2

class DecisionCache {
  constructor(decide) {
    this.decide = decide
    this.young = new Map()
    this.old = new Map()
  }

  get(key) {
    const known = this.young.get(key)
    if (known !== undefined) return known
    const remembered = this.old.get(key)
    const decision = remembered !== undefined ? remembered : this.decide(key)
    if (key.length <= MAX_KEY_LENGTH) {
      if (this.young.size >= GENERATION_SIZE) {
        this.old = this.young
        this.young = new Map()
      }
      this.young.set(key, decision)
    }
    return decision
  }

  get size() {
    return this.young.size + this.old.size
  }
}

module.exports = { DecisionCache, MAX_ENTRIES, MAX_KEY_LENGTH }
