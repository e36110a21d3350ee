'use strict'
// The package loads wherever cors loads, including Jest 26 (json-server's suite runs on it),
// whose module resolver has no `node:` specifiers.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

test('cors-native loads under Jest 26', () => {
  const jest = require.resolve('jest26/bin/jest')
  const result = spawnSync(process.execPath, [jest, '--rootDir', path.join(__dirname, '..', 'jest'), '--env', 'node', '--ci'], { encoding: 'utf8' })
  assert.equal(result.status, 0, result.stdout + result.stderr)
  assert.match(result.stderr, /Tests:\s+2 passed, 2 total/)
})
