'use strict'
// index.d.ts accepts what @types/cors accepts plus cors-native's additions, and still catches
// mistakes (tsc fails on an unused @ts-expect-error). cors-native/fetch and cors-native/next
// type-check without Node.js types, with Hono's middleware type too. (The README's own snippets
// are compiled by readme-code.test.js.)
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const tsc = require.resolve('typescript/bin/tsc')
const types = path.join(__dirname, '..', 'types')

function runTsc(...args) {
  return spawnSync(process.execPath, [tsc, ...args], { encoding: 'utf8' })
}

test('index.d.ts type-checks cors code, the additions, and rejects mistakes', () => {
  const result = runTsc('-p', types)
  assert.equal(result.status, 0, result.stdout + result.stderr)
})

test('cors-native/fetch and /next type-check without @types/node, cors.middleware in Hono too', () => {
  const project = path.join(types, 'no-node')
  const result = runTsc('-p', project)
  assert.equal(result.status, 0, result.stdout + result.stderr)
  // A triple-slash reference finds @types/node here even with "types": [], so check that none is
  // in the program: a project without @types/node would fail on it.
  const listed = runTsc('-p', project, '--listFilesOnly')
  assert.equal(listed.status, 0, listed.stdout + listed.stderr)
  const nodeTypes = listed.stdout.split('\n').filter((file) => /[\\/]@types[\\/]node[\\/]/.test(file))
  assert.deepEqual(nodeTypes, [], 'the program loads @types/node')
})
