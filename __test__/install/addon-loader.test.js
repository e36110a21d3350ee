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

// A timeout, so that a loader that blocks on a FIFO or reads /dev/zero fails the test instead of
// hanging it.
function loadWith(addonPath) {
  return spawnSync(process.execPath, ['-e', "require('./')"], {
    cwd: repoDir, encoding: 'utf8', timeout: 10000, env: { ...process.env, CORS_NATIVE_ADDON: addonPath },
  })
}

function assertNoAddon(result, file, reason) {
  assert.equal(result.error?.code, undefined, `${file} hung the loader`)
  assert.equal(result.signal, null, `${file} killed the process`)
  assert.equal(result.status, 1, result.stderr)
  assert.match(result.stderr, /code: 'CORS_NATIVE_NO_ADDON'/)
  assert.match(result.stderr, reason)
  assert.match(result.stderr, /npx cors-native build/)
}

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-loader-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

test('CORS_NATIVE_ADDON loads the given build', () => {
  const result = loadWith(path.join(repoDir, 'cors-native.node'))
  assert.equal(result.status, 0, result.stderr)
})

test('an addon that is missing, truncated or not a library is named as such', (t) => {
  const dir = tempDir(t)
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
  for (const [file, reason] of cases) assertNoAddon(loadWith(file), file, reason)
})

test('only a regular .node file is loaded: JavaScript, JSON, directories, FIFOs, devices and symlink loops are refused', (t) => {
  const dir = tempDir(t)
  const script = path.join(dir, 'addon.js')
  fs.writeFileSync(script, "console.log('EXECUTED'); module.exports = {}\n")
  const json = path.join(dir, 'addon.json')
  fs.writeFileSync(json, '{}\n')
  const scriptLink = path.join(dir, 'script.node')
  fs.symlinkSync(script, scriptLink)
  const directory = path.join(dir, 'directory.node')
  fs.mkdirSync(directory)
  const zero = path.join(dir, 'zero.node')
  fs.symlinkSync('/dev/zero', zero)
  const loop = path.join(dir, 'loop.node')
  fs.symlinkSync(path.join(dir, 'loop-back.node'), loop)
  fs.symlinkSync(loop, path.join(dir, 'loop-back.node'))

  const cases = [
    [script, /addon\.js is not a \.node file; only a native addon is loaded, never JavaScript or JSON/],
    [json, /addon\.json is not a \.node file; only a native addon is loaded, never JavaScript or JSON/],
    [scriptLink, /script\.node exists but failed to load: .*(invalid ELF header|too short)/],
    [directory, /directory\.node is a directory, not a \.node file/],
    [zero, /zero\.node \(-> \/dev\/zero\) is a character device, not a \.node file/],
    [loop, /loop\.node is a symlink loop/],
  ]
  const fifo = path.join(dir, 'fifo.node')
  if (spawnSync('mkfifo', [fifo]).status === 0) cases.push([fifo, /fifo\.node is a FIFO \(named pipe\), not a \.node file/])
  else t.diagnostic('mkfifo is unavailable: the FIFO case is skipped')

  for (const [file, reason] of cases) {
    const result = loadWith(file)
    assertNoAddon(result, file, reason)
    assert.doesNotMatch(result.stdout, /EXECUTED/, `${file} was run as JavaScript`)
  }
})

test('an addon built for another architecture is named as such, with the one this process needs', (t) => {
  const foreign = path.join(tempDir(t), 'foreign.node')
  fs.copyFileSync(path.join(repoDir, 'cors-native.node'), foreign)
  const machine = process.arch === 'arm64' ? 62 : 183
  const fd = fs.openSync(foreign, 'r+')
  fs.writeSync(fd, Buffer.from([machine & 0xff, machine >> 8]), 0, 2, 18)
  fs.closeSync(fd)
  const names = { 62: 'x86-64', 183: 'aarch64' }
  assertNoAddon(loadWith(foreign), foreign, new RegExp(
    `foreign\\.node is built for ${names[machine]} \\(ELF machine ${machine}\\), but this process is ${process.arch} and needs `,
  ))
})

// A copy of the loader with its own package root, so the local build there can be made bad
// without touching this checkout's.
test('a local build that is a directory is named, and the platform package is still tried', (t) => {
  const root = tempDir(t)
  fs.cpSync(path.join(repoDir, 'lib', 'addon'), path.join(root, 'lib', 'addon'), { recursive: true })
  fs.copyFileSync(path.join(repoDir, 'package.json'), path.join(root, 'package.json'))
  fs.mkdirSync(path.join(root, 'cors-native.node'))
  const env = { ...process.env }
  delete env.CORS_NATIVE_ADDON
  const result = spawnSync(process.execPath, ['-e', "require('./lib/addon')"], { cwd: root, encoding: 'utf8', timeout: 10000, env })
  assertNoAddon(result, 'the local build', /local build: .*cors-native\.node is a directory, not a \.node file/)
  assert.match(result.stderr, /platform package: cors-native-\S+ is not installed/)
})

// The loader's files moved away from their folder, as a bundler moves them (Next.js itself is in
// __test__/adapters/next-bundled.test.js): the fix names the config file Next.js reads.
test('a bundled loader names the fix: the Next.js config file it reads, or the bundler externals', (t) => {
  const dir = tempDir(t)
  const bundle = path.join(dir, 'bundle')
  fs.mkdirSync(bundle)
  fs.copyFileSync(path.join(repoDir, 'lib', 'addon', 'bundled.js'), path.join(bundle, 'chunk.js'))
  const { bundledError } = require(path.join(bundle, 'chunk.js'))
  const app = path.join(dir, 'app')
  fs.mkdirSync(path.join(app, 'src'), { recursive: true })
  fs.writeFileSync(path.join(app, 'next.config.ts'), 'export default {}\n')
  fs.writeFileSync(path.join(app, 'next.config.js'), 'module.exports = {}\n')

  const inNext = bundledError(path.join(app, 'src'))
  assert.equal(inNext.code, 'CORS_NATIVE_BUNDLED')
  assert.ok(inNext.message.includes(`Add serverExternalPackages: ['cors-native'] to ${path.join(app, 'next.config.js')},`), inNext.message)
  assert.ok(inNext.message.includes(`Next.js reads only that file: ${path.join(app, 'next.config.ts')} is ignored.`), inNext.message)
  assert.ok(inNext.message.includes(`the loader runs from ${bundle},`), inNext.message)

  const elsewhere = bundledError(bundle)
  assert.match(elsewhere.message, /^cors-native: a bundler bundled cors-native/)
  assert.match(elsewhere.message, /esbuild:\n?\s*--external:cors-native/)
  assert.equal(require('../../lib/addon/bundled').bundledError(app), null, 'the loader in its own folder is not bundled')
})
