'use strict'
// lib/addon/index.js names every addon it could not load and why, in a child process, so a bad file
// can never take the test runner down with it.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const repoDir = path.join(__dirname, '..', '..')

function loadWith(addonPath) {
  return spawnSync(process.execPath, ['-e', "require('./')"], {
    cwd: repoDir, encoding: 'utf8', env: { ...process.env, CORS_NATIVE_ADDON: addonPath },
  })
}

test('CORS_NATIVE_ADDON loads the given build', () => {
  const result = loadWith(path.join(repoDir, 'cors-native.node'))
  assert.equal(result.status, 0, result.stderr)
})

test('an addon that is missing, truncated or not a library is named as such', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-loader-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const truncated = path.join(dir, 'truncated.node')
  fs.copyFileSync(path.join(repoDir, 'cors-native.node'), truncated)
  fs.truncateSync(truncated, Math.floor(fs.statSync(truncated).size * 0.9))
  const notALibrary = path.join(dir, 'text.node')
  fs.writeFileSync(notALibrary, 'not a shared library\n')

  const cases = [
    [path.join(dir, 'absent.node'), /absent\.node does not exist/],
    [truncated, /truncated\.node exists but is truncated \(it is \d+ bytes but its headers describe \d+\)/],
    [notALibrary, /text\.node exists but failed to load: .*(invalid ELF header|too short)/],
  ]
  for (const [file, reason] of cases) {
    const result = loadWith(file)
    assert.equal(result.signal, null, `${file} killed the process`)
    assert.equal(result.status, 1)
    assert.match(result.stderr, /code: 'CORS_NATIVE_NO_ADDON'/)
    assert.match(result.stderr, reason)
    assert.match(result.stderr, /npx cors-native build/)
  }
})
