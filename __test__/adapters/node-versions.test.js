'use strict'
// The package loads and serves CORS wherever cors does: Node 18, 20, 22 and 24. Other versions
// come from the npm registry (the `node` package ships the binaries).
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const probe = path.join(__dirname, '..', 'support', 'node-version-probe.js')
const expected = [
  ['https://app.example.com', 'https://app.example.com'],
  ['https://evil.example', null],
  ['https://a.example.org', 'https://a.example.org'],
]

for (const major of [18, 20, 22, 24]) {
  test(`Node ${major} loads cors-native and serves CORS`, { timeout: 5 * 60_000 }, () => {
    const command = major === Number(process.versions.node.split('.')[0])
      ? [process.execPath, [probe]]
      : ['npm', ['exec', '--yes', '--package', `node@${major}`, '--', 'node', probe]]
    const result = spawnSync(command[0], command[1], { encoding: 'utf8', timeout: 4 * 60_000 })
    assert.equal(result.status, 0, result.stdout + result.stderr)
    const { version, answers } = JSON.parse(result.stdout.trim().split('\n').pop())
    assert.match(version, new RegExp(`^v${major}\\.`))
    assert.deepEqual(answers, expected)
  })
}
