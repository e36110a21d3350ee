'use strict'
// index.d.ts accepts what @types/cors accepts plus cors-native's additions, and still catches
// mistakes (tsc fails on an unused @ts-expect-error).
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

test('index.d.ts type-checks cors code, the additions, and rejects mistakes', () => {
  const tsc = require.resolve('typescript/bin/tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(__dirname, '..', 'types')], { encoding: 'utf8' })
  assert.equal(result.status, 0, result.stdout + result.stderr)
})
