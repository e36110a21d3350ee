'use strict'
// What `cors-native check` adds to its HTTP round trips on loopback: the same requests sent
// bare (preflight, actual request, the two probes in parallel) against check() doing them
// and judging the exchange. Writes the "check" section of BENCHMARKS.md.
const http = require('node:http')
const path = require('node:path')
const { startServer } = require('../__test__/support/child-server')
const { check } = require('../lib/check')
const { writeSection } = require('./report')

const ROUNDS = 300
const ORIGIN = 'http://localhost:3000'

function bare(url, method, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    req.end()
  })
}

/** The round trips a credentialed JSON PUT check makes, with nothing else. */
async function roundTrips(url) {
  const preflight = { Accept: '*/*', Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' }
  await bare(url, 'OPTIONS', preflight)
  await bare(url, 'PUT', { Accept: '*/*', Origin: ORIGIN, 'Content-Type': 'application/json', 'Content-Length': '0' })
  await Promise.all([bare(url, 'OPTIONS', { ...preflight, Origin: 'https://probe.example' }), bare(url, 'OPTIONS', { ...preflight, Origin: 'null' })])
}

const oneCheck = (url) => check(url, { origin: ORIGIN, method: 'PUT', headers: [['Content-Type', 'application/json']], credentials: true })

async function time(fn) {
  const started = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - started) / 1e6
}

function summary(times) {
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)] }
}

/** Interleaved, so both see the same machine load (the machine is shared). */
async function measure(url) {
  const bareTimes = []
  const checkTimes = []
  for (let i = 0; i < ROUNDS; i++) {
    bareTimes.push(await time(() => roundTrips(url)))
    checkTimes.push(await time(() => oneCheck(url)))
  }
  return [summary(bareTimes), summary(checkTimes)]
}

async function main() {
  const server = await startServer(path.join(__dirname, 'check-server.js'))
  try {
    const url = `${server.url}/items`
    const result = await oneCheck(url)
    if (!result.allowed || result.exchanges.actual.length !== 1) throw new Error('the bench server should allow the request')
    for (let i = 0; i < 30; i++) {
      await roundTrips(url)
      await oneCheck(url)
    }
    const [bareTimes, checkTimes] = await measure(url)
    const ms = (value) => `${value.toFixed(2)} ms`
    const rows = [
      '## cors-native check on loopback',
      '',
      '- Command: `npm run bench:check` (a credentialed JSON PUT: preflight, actual request, and',
      `  the two probes; ${ROUNDS} interleaved rounds each after 30 warm-up rounds, server in another process)`,
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| | median | p90 |',
      '|---|--:|--:|',
      `| the same 4 requests, bare | ${ms(bareTimes.median)} | ${ms(bareTimes.p90)} |`,
      `| check() | ${ms(checkTimes.median)} | ${ms(checkTimes.p90)} |`,
      `| overhead of check() | ${ms(checkTimes.median - bareTimes.median)} | ${ms(checkTimes.p90 - bareTimes.p90)} |`,
    ]
    console.log(rows.join('\n'))
    writeSection('check', rows.join('\n'))
  } finally {
    await server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
