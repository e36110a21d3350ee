'use strict'
// cors@2.8.6 and cors-native side by side in real Express 4 and 5 servers over HTTP: every
// option set of the matrix times every kind of request must give byte-identical responses.
const test = require('node:test')
const assert = require('node:assert/strict')
const { optionMatrix, ALLOWED_ORIGIN, OTHER_ORIGIN, DISALLOWED_ORIGIN } = require('./support/option-matrix')
const { differentialApp, listen } = require('./support/differential-server')
const { request, agent } = require('./support/http-client')

const PREFLIGHT = { 'Access-Control-Request-Method': 'PUT' }

const requestKinds = [
  ['GET without Origin', 'GET', {}],
  ['GET from an allowed origin', 'GET', { Origin: ALLOWED_ORIGIN }],
  ['GET from another listed origin', 'GET', { Origin: OTHER_ORIGIN }],
  ['GET from a disallowed origin', 'GET', { Origin: DISALLOWED_ORIGIN }],
  ['GET from the null origin', 'GET', { Origin: 'null' }],
  ['HEAD from an allowed origin', 'HEAD', { Origin: ALLOWED_ORIGIN }],
  ['POST from an allowed origin', 'POST', { Origin: ALLOWED_ORIGIN }],
  ['preflight with request headers', 'OPTIONS', { Origin: ALLOWED_ORIGIN, ...PREFLIGHT, 'Access-Control-Request-Headers': 'x-custom, content-type' }],
  ['preflight without request headers', 'OPTIONS', { Origin: ALLOWED_ORIGIN, ...PREFLIGHT }],
  ['OPTIONS without Access-Control-Request-Method', 'OPTIONS', { Origin: ALLOWED_ORIGIN }],
  ['preflight from a disallowed origin', 'OPTIONS', { Origin: DISALLOWED_ORIGIN, ...PREFLIGHT, 'Access-Control-Request-Headers': 'x-custom' }],
  ['preflight from the null origin', 'OPTIONS', { Origin: 'null', ...PREFLIGHT }],
  ['OPTIONS without Origin', 'OPTIONS', {}],
  ['GET with a Vary already set', 'GET', { Origin: ALLOWED_ORIGIN, 'X-Preset-Vary': 'Accept-Encoding' }],
  ['preflight with a Vary already set', 'OPTIONS', { Origin: ALLOWED_ORIGIN, ...PREFLIGHT, 'Access-Control-Request-Headers': 'x-custom', 'X-Preset-Vary': 'Accept' }],
  ['GET with Vary: * already set', 'GET', { Origin: OTHER_ORIGIN, 'X-Preset-Vary': '*' }],
]

const optionSets = optionMatrix()

async function mapConcurrently(items, concurrency, task) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

async function compareAll(baseUrl) {
  const cases = []
  optionSets.forEach((set, index) => requestKinds.forEach((kind) => cases.push([index, kind])))
  const differences = []
  await mapConcurrently(cases, 8, async ([index, [kindName, method, headers]]) => {
    const expected = await request(`${baseUrl}/cors/${index}`, { method, headers })
    const actual = await request(`${baseUrl}/native/${index}`, { method, headers })
    try {
      assert.deepEqual(actual, expected)
    } catch (difference) {
      differences.push(`${optionSets[index].label} | ${kindName}\n${difference.message}`)
    }
  })
  return { total: cases.length, differences }
}

for (const [express, version] of [['express4', 'Express 4'], ['express', 'Express 5']]) {
  test(`${version}: cors-native answers exactly like cors@2.8.6`, async (t) => {
    const server = await listen(differentialApp(require(express), optionSets))
    try {
      const { total, differences } = await compareAll(server.baseUrl)
      t.diagnostic(`${optionSets.length} option sets x ${requestKinds.length} requests: ${total - differences.length} of ${total} responses identical`)
      assert.ok(optionSets.length >= 300 && requestKinds.length >= 12)
      assert.equal(differences.length, 0, differences.slice(0, 5).join('\n\n'))
    } finally {
      agent.destroy()
      await server.close()
    }
  })
}
