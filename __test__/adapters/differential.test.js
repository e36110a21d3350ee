'use strict'
// cors@2.8.6 and cors-native side by side in real Express 4 and 5 servers over HTTP: every
// option set of the matrix times every kind of request must give byte-identical responses.
const test = require('node:test')
const assert = require('node:assert/strict')
const { optionMatrix } = require('../support/option-matrix')
const { requestKinds } = require('../support/request-kinds')
const { differentialApp, listen } = require('../support/differential-server')
const { request, agent } = require('../support/http-client')

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
