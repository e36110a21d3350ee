'use strict'
// npm run bench:e2e: requests per second of a real Express 5 server on 127.0.0.1 under
// autocannon, with no CORS, with cors@2.8.6 and with cors-native, for GET and preflight.
// The three servers run side by side and are loaded in turn, rotating the order each run.
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const autocannon = require('autocannon')
const { startServer } = require('../__test__/support/child-server')
const os = require('node:os')
const { median } = require('./harness')
const { writeSection } = require('./report')

const RUNS = Number(process.env.E2E_RUNS ?? 5)
const SECONDS = Number(process.env.E2E_SECONDS ?? 3)
const ORIGIN = 'https://app5.example.com'
const requests = {
  GET: { method: 'GET', headers: { origin: ORIGIN } },
  preflight: { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } },
}

function load(url, request) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}/api/items`, connections: 10, duration: SECONDS, ...request }, (error, result) => {
      if (error) return reject(error)
      if (result.errors || result.non2xx) return reject(new Error(`${result.errors} errors, ${result.non2xx} non-2xx`))
      resolve(result.requests.average)
    })
  })
}

// On a machine with two or more cores, the servers get the last core and autocannon the
// others, so the load generator does not steal the servers' CPU.
function pinToCores(pid, cores) {
  try {
    execFileSync('taskset', ['-a', '-pc', cores, String(pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function main() {
  const layers = ['none', 'cors', 'native']
  const servers = {}
  for (const layer of layers) servers[layer] = await startServer(path.join(__dirname, 'e2e-server.js'), { env: {}, args: [layer] })
  const lastCore = os.cpus().length - 1
  const pinned = lastCore > 0 && pinToCores(process.pid, `0-${lastCore - 1}`) && layers.every((layer) => pinToCores(servers[layer].pid, String(lastCore)))
  const samples = {}
  try {
    for (const layer of layers) await load(servers[layer].url, requests.GET) // warm up
    for (let run = 0; run < RUNS; run++) {
      for (const kind of Object.keys(requests)) {
        for (let k = 0; k < layers.length; k++) {
          const layer = layers[(run + k) % layers.length]
          const rate = await load(servers[layer].url, requests[kind])
          ;(samples[`${kind} ${layer}`] ??= []).push(rate)
          console.error(`run ${run + 1} ${kind} ${layer}: ${rate.toFixed(0)} req/s`)
        }
      }
    }
  } finally {
    for (const server of Object.values(servers)) await server.stop()
  }
  const lines = ['| request | no CORS req/s | cors req/s | cors-native req/s | cors loss | cors-native loss | native wins runs |', '|---|--:|--:|--:|--:|--:|--:|']
  for (const kind of Object.keys(requests)) {
    const [none, cors, native] = layers.map((layer) => median(samples[`${kind} ${layer}`]))
    const wins = samples[`${kind} native`].filter((rate, run) => rate >= samples[`${kind} cors`][run]).length
    lines.push(`| ${kind} | ${none.toFixed(0)} | ${cors.toFixed(0)} | ${native.toFixed(0)} | ${(100 * (1 - cors / none)).toFixed(1)}% | ${(100 * (1 - native / none)).toFixed(1)}% | ${wins} of ${RUNS} |`)
  }
  const report = [
    '## End to end: Express 5 under autocannon',
    '',
    `- Command: \`npm run bench:e2e\` (${RUNS} runs, ${SECONDS} s per load, 10 connections; ${pinned ? 'servers pinned to one core, autocannon to the others' : 'servers and autocannon share the cores'})`,
    `- Machine: ${os.cpus().length} cores, Node ${process.version}; date ${new Date().toISOString().slice(0, 10)}`,
    '- Policy: 11 origins, credentials, maxAge 600. "Loss" is the throughput lost against no CORS',
    '  (negative for preflights: without CORS the preflight goes through Express routing to a route).',
    '',
    lines.join('\n'),
  ].join('\n')
  console.log(report)
  writeSection('e2e', report)
}

main()
