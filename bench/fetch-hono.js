'use strict'
// H1-H9: cors-native/fetch as Hono middleware against hono/cors with the same options, and the
// floor: a pass-through middleware (any middleware takes Hono off its single-handler fast path,
// about 7 us here), all in one process on Web Requests built before the clock starts.
// hono/cors has no RegExp origins: H6/H7 give it a function testing them.
const { Hono } = require('hono')
const { cors: honoCors } = require('hono/cors')
const { createCors } = require('../lib/adapters/fetch')
const { median } = require('./harness')
const { eleven, thousandAndOne, elevenPatterns, hundredPatterns, origins, spread } = require('./scenarios')

const BATCH = 2000

function matchingAny(patterns) {
  return (origin) => (patterns.some((pattern) => pattern.test(origin)) ? origin : null)
}

function get(list) {
  return (i) => new Request('http://127.0.0.1/api', { headers: { origin: list[i % list.length] } })
}

function preflight(list) {
  return (i) => new Request('http://127.0.0.1/api', {
    method: 'OPTIONS',
    headers: { origin: list[i % list.length], 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type, x-request-id' },
  })
}

const scenarios = [
  { id: 'H1', name: 'default *', native: undefined, hono: undefined, request: get(['https://app0.example.com']) },
  { id: 'H2', name: 'a single string origin', native: { origin: 'https://app0.example.com' }, hono: { origin: 'https://app0.example.com' }, request: get(['https://app0.example.com']) },
  { id: 'H3', name: '11 origins with credentials', native: { origin: eleven, credentials: true }, hono: { origin: eleven, credentials: true }, request: get(spread(eleven)) },
  { id: 'H4', name: '1,001 origins with credentials', native: { origin: thousandAndOne, credentials: true }, hono: { origin: thousandAndOne, credentials: true }, request: get(spread(thousandAndOne)) },
  { id: 'H6', name: '11 RegExps', native: { origin: elevenPatterns }, hono: { origin: matchingAny(elevenPatterns) }, request: get(spread(origins(11, 'x.tenant'))) },
  { id: 'H7', name: '100 RegExps', native: { origin: hundredPatterns }, hono: { origin: matchingAny(hundredPatterns) }, request: get(spread(origins(100, 'x.tenant'))) },
  { id: 'H9', name: 'preflight: 11 origins, credentials, maxAge', native: { origin: eleven, credentials: true, maxAge: 600 }, hono: { origin: eleven, credentials: true, maxAge: 600 }, request: preflight(spread(eleven)) },
]

async function passThrough(c, next) {
  await next()
}

function app(middleware) {
  const hono = new Hono()
  hono.use('*', middleware)
  hono.all('*', (c) => c.text('ok'))
  return hono
}

function nativeMiddleware(options) {
  // The rest of Hono's chain is the wrapped handler; the README shows this form.
  const handle = createCors(options).wrap((request, c, next) => next().then(() => c.res))
  return (c, next) => handle(c.req.raw, c, next)
}

async function timeBatch(hono, request) {
  const requests = Array.from({ length: BATCH }, (_, i) => request(i))
  if (global.gc) global.gc()
  const started = process.hrtime.bigint()
  for (let i = 0; i < BATCH; i++) await hono.fetch(requests[i])
  return Number(process.hrtime.bigint() - started) / BATCH
}

async function compareOne(scenario, { rounds, warmupRounds = 5 }) {
  const contestants = { native: app(nativeMiddleware(scenario.native)), hono: app(honoCors(scenario.hono)), floor: app(passThrough) }
  const names = Object.keys(contestants)
  const samples = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      const ns = await timeBatch(contestants[name], scenario.request)
      if (round >= warmupRounds) samples[name].push(ns)
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]))
}

/** `[{ id, name, preflight, native, hono, floor }]`: median ns per request through app.fetch. */
async function compareHono({ rounds = 25 } = {}) {
  const rows = []
  for (const scenario of scenarios) {
    rows.push({ id: scenario.id, name: scenario.name, preflight: scenario.id === 'H9', ...(await compareOne(scenario, { rounds })) })
    console.error(`${scenario.id} done`)
  }
  return rows
}

module.exports = { compareHono }
