'use strict'
// Times middleware per request on fresh http.IncomingMessage/ServerResponse pairs. The pairs
// are built before the clock starts, so only the middleware is timed.
const http = require('node:http')
const { Socket } = require('node:net')
const { setImmediate: nextMacrotask } = require('node:timers/promises')

const BATCH = 2000

function makePairs(request, count) {
  const pairs = new Array(count)
  for (let i = 0; i < count; i++) {
    const { method, headers } = request(i)
    const req = new http.IncomingMessage(new Socket())
    req.method = method
    req.headers = headers
    pairs[i] = [req, new http.ServerResponse(req)]
  }
  return pairs
}

function noop() {}

/** Nanoseconds per request for one batch. */
async function timeBatch(middleware, request) {
  // Let the previous batch's end() callbacks (queued with nextTick) run first.
  await nextMacrotask()
  const pairs = makePairs(request, BATCH)
  // Collect the garbage of earlier batches now, not inside the timed loop.
  if (global.gc) global.gc()
  const started = process.hrtime.bigint()
  for (let i = 0; i < BATCH; i++) middleware(pairs[i][0], pairs[i][1], noop)
  return Number(process.hrtime.bigint() - started) / BATCH
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Runs every contestant `rounds` times, interleaved (the order rotates each round) so machine
 * drift hits all alike; returns the median ns per request of each, by name.
 */
async function compare(contestants, request, { rounds = 25, warmupRounds = 5 } = {}) {
  const names = Object.keys(contestants)
  const samples = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      const ns = await timeBatch(contestants[name], request)
      if (round >= warmupRounds) samples[name].push(ns)
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]))
}

module.exports = { compare, median }
