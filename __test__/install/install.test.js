'use strict'
// What a user gets: the tarballs of `npm run pack:prebuilt`, published to a real local registry,
// installed into new Express apps without Rust, with --ignore-scripts, with pnpm 10, without
// optional dependencies (then built from source), and with a damaged platform package.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync, spawnSync } = require('node:child_process')
const { startRegistry, cleanEnv } = require('../support/local-registry')
const { startServer } = require('../support/child-server')
const { request, agent } = require('../support/http-client')

const repoDir = path.join(__dirname, '..', '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const pnpm = path.join(repoDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs')
const { version } = require('../../package.json')
const PLATFORM_PACKAGE = 'cors-native-linux-x64-gnu'

const APP = `
const express = require('express')
const cors = require('cors-native')
const app = express()
app.use(cors({ origin: ['https://app.example.com'], credentials: true }))
app.get('/', (req, res) => res.send('hello'))
const server = app.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port))
`

const pathWithoutCargo = process.env.PATH.split(path.delimiter)
  .filter((dir) => !fs.existsSync(path.join(dir, 'cargo')))
  .join(path.delimiter)

// Highest GLIBC_x.y symbol version a shared object needs, from `objdump -T`.
function glibcFloor(file) {
  const versions = execFileSync('objdump', ['-T', file], { encoding: 'utf8' }).match(/GLIBC_[0-9.]+/g)
  return versions.map((name) => name.slice(6).split('.').map(Number))
    .sort((a, b) => a[0] - b[0] || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0))
    .pop().join('.')
}

test('prebuilt packages install from a registry and work without Rust', { skip: process.platform !== 'linux' || process.arch !== 'x64', timeout: 20 * 60_000 }, async (t) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-install-'))
  t.after(() => fs.rmSync(work, { recursive: true, force: true }))

  const tarballs = execFileSync(npm, ['run', '--silent', 'pack:prebuilt', '--', path.join(work, 'tarballs')],
    { cwd: repoDir, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n')
  const [platformTarball, mainTarball, sourceTarball] = tarballs
  t.diagnostic(`main tarball ${fs.statSync(mainTarball).size} bytes, platform tarball ${fs.statSync(platformTarball).size} bytes`)
  // A ceiling that catches what should not ship (a fixture, a binary), not a diet: 60 kB until the
  // sealed playground, the loader's checks and the CLI's help (about 69 kB), then 80 kB until
  // `why`, the cookie report, each stack's fixes and the playground's diagram (about 99 kB).
  assert.ok(fs.statSync(mainTarball).size < 120_000, 'the main tarball is under 120 kB')
  // The platform tarball was about 0.99 MB until the Public Suffix List was compiled in
  // (about +0.31 MB packed, measured with gzip -9 on the release build).
  assert.ok(fs.statSync(platformTarball).size < 1_500_000, 'the platform tarball is under 1.5 MB')

  await t.test('the linux-x64-gnu addon loads on glibc 2.17 and later', () => {
    const unpacked = path.join(work, 'unpacked')
    fs.mkdirSync(unpacked)
    execFileSync('tar', ['xzf', platformTarball, '-C', unpacked])
    const floor = glibcFloor(path.join(unpacked, 'package', 'cors-native.linux-x64-gnu.node'))
    t.diagnostic(`GLIBC floor ${floor}`)
    const [major, minor] = floor.split('.').map(Number)
    assert.ok(major < 2 || (major === 2 && minor <= 17), `needs GLIBC_${floor}`)
  })

  const registry = await startRegistry(fs.mkdtempSync(path.join(work, 'registry-')))
  t.after(() => registry.stop())
  registry.publish(platformTarball)
  registry.publish(mainTarball)
  registry.publish(sourceTarball)

  function newApp(name) {
    const dir = path.join(work, name)
    const tmp = path.join(dir, '.tmp')
    fs.mkdirSync(tmp, { recursive: true })
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true }))
    fs.writeFileSync(path.join(dir, 'app.js'), APP)
    const env = cleanEnv({
      PATH: pathWithoutCargo,
      TMPDIR: tmp,
      npm_config_cache: path.join(dir, '.npm-cache'),
      npm_config_registry: registry.url,
      npm_config_update_notifier: 'false',
    })
    return { dir, tmp, env }
  }

  function install(t, app, command, args, label = `npm ${args.join(' ')}`) {
    const started = process.hrtime.bigint()
    const result = spawnSync(command, args, { cwd: app.dir, env: app.env, encoding: 'utf8' })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const output = result.stdout + result.stderr
    assert.equal(result.status, 0, output)
    assert.doesNotMatch(output, /allowScripts|install-scripts/, 'no install-script warning')
    t.diagnostic(`${label}: ${seconds.toFixed(2)} s`)
  }

  async function assertServesCors(t, app) {
    const server = await startServer(path.join(app.dir, 'app.js'), { cwd: app.dir })
    t.after(() => { agent.destroy(); return server.stop() })
    const allowed = await request(server.url, { headers: { Origin: 'https://app.example.com' } })
    assert.equal(allowed.body, 'hello')
    assert.deepEqual(
      allowed.headers.filter(([name]) => name.startsWith('Access-Control') || name === 'Vary'),
      [['Access-Control-Allow-Origin', 'https://app.example.com'], ['Vary', 'Origin'], ['Access-Control-Allow-Credentials', 'true']],
    )
    const refused = await request(server.url, { headers: { Origin: 'https://evil.example' } })
    assert.ok(!refused.headers.some(([name]) => name === 'Access-Control-Allow-Origin'))
  }

  function requireInApp(app) {
    return spawnSync(process.execPath, ['-e', "require('cors-native')"], { cwd: app.dir, env: app.env, encoding: 'utf8' })
  }

  const plain = newApp('plain')
  await t.test('(a) npm install without cargo on PATH', async (t) => {
    assert.notEqual(spawnSync('which', ['cargo'], { env: plain.env }).status, 0, 'cargo is not on PATH')
    install(t, plain, npm, ['install', '--no-audit', '--no-fund', `cors-native@${version}`, 'express@5'])
    assert.ok(fs.existsSync(path.join(plain.dir, 'node_modules', PLATFORM_PACKAGE)), 'the platform package was installed')
    await assertServesCors(t, plain)
  })

  await t.test('(b) npm install --ignore-scripts', async (t) => {
    const app = newApp('ignore-scripts')
    install(t, app, npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', `cors-native@${version}`, 'express@5'])
    await assertServesCors(t, app)
  })

  await t.test('(c) pnpm 10 with its default script policy', async (t) => {
    const app = newApp('pnpm')
    install(t, app, process.execPath, [pnpm, 'add', '--store-dir', path.join(app.dir, '.pnpm-store'), `cors-native@${version}`, 'express@5'],
      'pnpm add cors-native express@5')
    await assertServesCors(t, app)
  })

  await t.test('(d) --omit=optional: a clear error, then npx cors-native build', async (t) => {
    const app = newApp('omit-optional')
    install(t, app, npm, ['install', '--no-audit', '--no-fund', '--omit=optional', `cors-native@${version}`, 'express@5'])
    const failed = requireInApp(app)
    assert.notEqual(failed.status, 0)
    assert.match(failed.stderr, /code: 'CORS_NATIVE_NO_ADDON'/)
    assert.match(failed.stderr, new RegExp(`${PLATFORM_PACKAGE} is not installed`))
    assert.match(failed.stderr, /npm install cors-native/)
    assert.match(failed.stderr, /pnpm add cors-native/)
    assert.match(failed.stderr, /yarn add cors-native/)
    assert.match(failed.stderr, /npx cors-native build/)

    const withCargo = { ...app.env, PATH: process.env.PATH }
    const started = process.hrtime.bigint()
    const build = spawnSync(npm, ['exec', '--no', '--', 'cors-native', 'build'], { cwd: app.dir, env: withCargo, encoding: 'utf8' })
    assert.equal(build.status, 0, build.stdout + build.stderr)
    t.diagnostic(`npx cors-native build: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`)
    assert.deepEqual(fs.readdirSync(app.tmp).filter((name) => name.startsWith('cors-native-build-')), [], 'the build tree was removed')
    await assertServesCors(t, app)
  })

  await t.test('(e) a platform package of another version, or a truncated addon, is named, not a crash', () => {
    const manifest = path.join(plain.dir, 'node_modules', PLATFORM_PACKAGE, 'package.json')
    const original = fs.readFileSync(manifest, 'utf8')
    fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(original), version: '0.0.1' }))
    assert.match(requireInApp(plain).stderr, new RegExp(`${PLATFORM_PACKAGE} is version 0\\.0\\.1, but cors-native is ${version.replace(/\./g, '\\.')}`))
    fs.writeFileSync(manifest, original)

    const addon = path.join(plain.dir, 'node_modules', PLATFORM_PACKAGE, 'cors-native.linux-x64-gnu.node')
    fs.truncateSync(addon, Math.floor(fs.statSync(addon).size / 2))
    const failed = requireInApp(plain)
    assert.equal(failed.signal, null, 'the process was not killed by a signal')
    assert.equal(failed.status, 1)
    assert.match(failed.stderr, /CORS_NATIVE_NO_ADDON/)
    assert.match(failed.stderr, /cors-native\.linux-x64-gnu\.node exists but is truncated/)
  })
})
