'use strict'
// S11: cors.wrap from cors-native/next around a trivial route handler, against the same
// handler writing the same headers by hand. Requests are built before the clock starts.
const { createCors } = require('../lib/adapters/next')
const { median } = require('./harness')

const BATCH = 2000
const ORIGIN = 'https://app3.example.com'

function handler() {
  return new Response('ok')
}

function handWritten() {
  const response = new Response('ok')
  response.headers.set('Access-Control-Allow-Origin', ORIGIN)
  response.headers.set('Vary', 'Origin')
  response.headers.set('Access-Control-Allow-Credentials', 'true')
  return response
}

async function timeBatch(route) {
  const requests = Array.from({ length: BATCH }, () => new Request('http://127.0.0.1/api', { headers: { origin: ORIGIN } }))
  if (global.gc) global.gc()
  const started = process.hrtime.bigint()
  for (let i = 0; i < BATCH; i++) await route(requests[i])
  return Number(process.hrtime.bigint() - started) / BATCH
}

async function compareNextWrap(eleven, { rounds = 25, warmupRounds = 5 } = {}) {
  const cors = createCors({ origin: eleven, credentials: true })
  const contestants = { native: cors.wrap(handler), floor: async () => handWritten() }
  const names = Object.keys(contestants)
  const samples = { native: [], floor: [] }
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      const ns = await timeBatch(contestants[name])
      if (round >= warmupRounds) samples[name].push(ns)
    }
  }
  return { native: median(samples.native), floor: median(samples.floor) }
}

module.exports = { compareNextWrap }
