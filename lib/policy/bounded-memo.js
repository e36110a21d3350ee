'use strict'
// A bounded memo of native decisions, so a repeated origin costs one Map lookup and no call
// into Rust. The bounds hold whatever clients send: at most MAX_ENTRIES keys, none longer than
// MAX_KEY_LENGTH (a real origin is far shorter; longer ones are decided natively every time).
//
// Two generations instead of FIFO eviction: deleting a Map's oldest key leaves holes that
// keys().next() walks over, so FIFO costs microseconds per miss once the cache is full.
// Here a full young generation becomes the old one and the previous old one is dropped.
//
// A miss is remembered with probability 1/ADMIT_ONE_IN only: a flood of one-off origins
// (scanners, random subdomains) then costs a native call each instead of Map growth and
// garbage, while an origin that keeps coming is remembered within a few requests. Random,
// not every n-th miss, so no request pattern can keep an origin out.

const MAX_ENTRIES = 10_000
const MAX_KEY_LENGTH = 256
const GENERATION_SIZE = MAX_ENTRIES / 2
const ADMIT_ONE_IN = 8

class BoundedMemo {
  constructor(decide, random = Math.random) {
    this.decide = decide
    this.random = random
    this.young = new Map()
    this.old = new Map()
  }

  get(key) {
    const known = this.young.get(key)
    if (known !== undefined) return known
    const remembered = this.old.get(key)
    if (remembered !== undefined) {
      this.remember(key, remembered)
      return remembered
    }
    const decision = this.decide(key)
    if (this.random() * ADMIT_ONE_IN < 1) this.remember(key, decision)
    return decision
  }

  remember(key, decision) {
    if (key.length > MAX_KEY_LENGTH) return
    if (this.young.size >= GENERATION_SIZE) {
      this.old = this.young
      this.young = new Map()
    }
    this.young.set(key, decision)
  }

  get size() {
    return this.young.size + this.old.size
  }
}

module.exports = { BoundedMemo, MAX_ENTRIES, MAX_KEY_LENGTH }
