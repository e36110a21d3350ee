'use strict'
// The native policy holds the one list of warning codes (src/policy/codes.rs); the types, the
// README's table and the codes the JS layer reports must say the same.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { policyWarningCodes } = require('../../lib/addon')

const root = path.join(__dirname, '..', '..')
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8')
const native = policyWarningCodes()
const nativeCodes = native.map(({ code }) => code).sort()

test('the native list has distinct codes, each with a meaning', () => {
  assert.equal(new Set(nativeCodes).size, nativeCodes.length)
  for (const { code, meaning } of native) {
    assert.match(code, /^CORS_NATIVE_[A-Z_]+$/)
    assert.ok(meaning.length > 0, code)
  }
})

test('options.d.ts: WarningCode is the native list', () => {
  const union = read('options.d.ts').match(/type WarningCode =((?:\s*\|\s*'[A-Z_]+')+)/)
  assert.ok(union, 'options.d.ts declares type WarningCode as a union of string literals')
  const typed = [...union[1].matchAll(/'([A-Z_]+)'/g)].map(([, code]) => code).sort()
  assert.deepEqual(typed, nativeCodes)
})

test("README: the table of codes is the native list, each with the native meaning", () => {
  const table = read('README.md').match(/\| code \| mistake \|\n\s*\|---\|---\|\n((?:\s*\|.*\|\n)+)/)
  assert.ok(table, 'README.md has the "| code | mistake |" table')
  const rows = [...table[1].matchAll(/^\s*\| `([A-Z_]+)` \| (.*) \|$/gm)].map(([, code, meaning]) => [code, meaning])
  assert.deepEqual(rows.map(([code]) => code).sort(), nativeCodes)
  const meanings = new Map(native.map(({ code, meaning }) => [code, meaning]))
  for (const [code, meaning] of rows) assert.equal(meaning, meanings.get(code), `${code}: the README's meaning differs from src/policy/codes.rs`)
})

test('the codes the JS layer reports are in the native list', () => {
  const dirs = ['lib/policy', 'lib/pipeline']
  const files = dirs.flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((name) => name.endsWith('.js')).map((name) => `${dir}/${name}`))
  const used = new Set(files.flatMap((file) => [...read(file).matchAll(/'(CORS_NATIVE_[A-Z_]+)'/g)].map(([, code]) => code)))
  assert.ok(used.size > 0)
  for (const code of used) assert.ok(nativeCodes.includes(code), `${code} is not in src/policy/codes.rs`)
})
