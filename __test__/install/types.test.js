'use strict'
// index.d.ts accepts what @types/cors accepts plus cors-native's additions, and still catches
// mistakes (tsc fails on an unused @ts-expect-error). cors-native/fetch and cors-native/next
// type-check without Node.js types, and the README's Hono snippet compiles under strict.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
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

test('cors-native/fetch and /next type-check without @types/node, with the README Hono snippet', () => {
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

test('the README still shows the Hono snippet that hono-readme.ts compiles', () => {
  const source = fs.readFileSync(path.join(types, 'no-node', 'hono-readme.ts'), 'utf8')
  const snippet = source.split('// README begin\n')[1].split('// README end')[0]
  assert.ok(snippet.trim().length > 0)
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8')
  assert.ok(readme.includes('```js\n' + snippet + '```\n'), `README.md lacks the snippet:\n${snippet}`)
})
