'use strict'
// The addon in worker_threads: each worker loads it, builds its own policies and decides,
// all at once; and creating and dropping 100,000 policies leaks nothing measurable.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { Worker } = require('node:worker_threads')
const v8 = require('node:v8')
const vm = require('node:vm')

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const cors = require(workerData.packageDir)
const origins = Array.from({ length: 100 }, (_, i) => 'https://w' + workerData.id + '-' + i + '.example')
const middleware = cors({ origin: [...origins, /^https:\\/\\/[a-z]+\\.shared\\.example$/], credentials: true })
let echoed = 0
for (let i = 0; i < 50000; i++) {
  const origin = i % 3 === 0 ? origins[i % 100] : i % 3 === 1 ? 'https://abc.shared.example' : 'https://other' + i + '.example'
  const headers = {}
  middleware({ method: 'GET', headers: { origin } }, { getHeader: (n) => headers[n], setHeader: (n, v) => { headers[n] = v } }, () => {})
  if (headers['Access-Control-Allow-Origin'] === origin) echoed++
}
parentPort.postMessage(echoed)
`

function runWorker(id) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { id, packageDir: path.join(__dirname, '..', '..') } })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker ${id} exited with ${code}`)))
  })
}

test('four workers load the addon and decide at the same time', async () => {
  const echoed = await Promise.all([1, 2, 3, 4].map(runWorker))
  // Two thirds of the 50,000 origins are allowed: 16,667 listed plus 16,667 matching the pattern.
  assert.deepEqual(echoed, [33334, 33334, 33334, 33334])
})

test('a worker terminated mid-work does not disturb the others', async () => {
  const doomed = new Worker(WORKER_SOURCE, { eval: true, workerData: { id: 9, packageDir: path.join(__dirname, '..', '..') } })
  const survivor = runWorker(5)
  await new Promise((resolve) => setTimeout(resolve, 20))
  await doomed.terminate()
  assert.equal(await survivor, 33334)
})

test('creating and dropping 100,000 policies leaks nothing measurable', { timeout: 120_000 }, async (t) => {
  const { policyBuild, policyOriginList, originListAllows } = require('../../lib/addon')
  const input = {
    origin: {
      kind: 'list',
      exact: Array.from({ length: 20 }, (_, i) => `https://app${i}.example.com`),
      patterns: [{ source: '^https:\\/\\/[a-z]+\\.example\\.org$', flags: 'i' }],
      allowAll: false,
    },
    methods: 'GET,POST',
    credentials: true,
    preflightContinue: false,
    strict: false,
  }
  const churn = async (count) => {
    for (let i = 0; i < count; i++) {
      const policy = policyBuild(input)
      originListAllows(policyOriginList(policy), 'https://app3.example.com')
      if (i % 1000 === 0) await new Promise(setImmediate)
    }
    for (let i = 0; i < 5; i++) {
      gc()
      await new Promise(setImmediate)
    }
    return process.memoryUsage().rss
  }
  const afterWarmUp = await churn(10_000)
  const afterChurn = await churn(100_000)
  const grownMb = (afterChurn - afterWarmUp) / 2 ** 20
  t.diagnostic(`RSS after 10,000 policies ${(afterWarmUp / 2 ** 20).toFixed(1)} MB, after 100,000 more ${(afterChurn / 2 ** 20).toFixed(1)} MB`)
  assert.ok(grownMb < 16, `RSS grew ${grownMb.toFixed(1)} MB`)
})
