'use strict'
// What a user gets: the packed tarball installed into a new Express app outside the repository
// builds the addon from source and serves CORS over real HTTP.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { startServer } = require('./support/child-server')
const { request, agent } = require('./support/http-client')

const repoDir = path.join(__dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const APP = `
const express = require('express')
const cors = require('cors-native')
const app = express()
app.use(cors({ origin: ['https://app.example.com'], credentials: true }))
app.get('/', (req, res) => res.send('hello'))
const server = app.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port))
`

function buildDirs() {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('cors-native-build-'))
}

test('the packed package installs into a new Express app and works', { timeout: 15 * 60_000 }, async (t) => {
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-app-'))
  t.after(() => fs.rmSync(appDir, { recursive: true, force: true }))
  const tarball = execFileSync(npm, ['pack', '--silent', '--pack-destination', appDir], { cwd: repoDir, encoding: 'utf8' }).trim()
  const buildDirsBefore = buildDirs()

  fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'packed-app', private: true }))
  fs.writeFileSync(path.join(appDir, 'app.js'), APP)
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, 'express@5'], { cwd: appDir, stdio: 'pipe' })

  const installed = path.join(appDir, 'node_modules', 'cors-native')
  assert.ok(fs.readdirSync(installed).some((name) => name.endsWith('.node')), 'the addon was built')
  assert.ok(!fs.existsSync(path.join(installed, 'target')), 'no build tree is left in node_modules')
  assert.deepEqual(buildDirs(), buildDirsBefore, 'the temporary build tree was removed')

  const server = await startServer(path.join(appDir, 'app.js'), { cwd: appDir })
  t.after(() => { agent.destroy(); return server.stop() })
  const allowed = await request(server.url, { headers: { Origin: 'https://app.example.com' } })
  assert.equal(allowed.body, 'hello')
  assert.deepEqual(
    allowed.headers.filter(([name]) => name.startsWith('Access-Control') || name === 'Vary'),
    [['Access-Control-Allow-Origin', 'https://app.example.com'], ['Vary', 'Origin'], ['Access-Control-Allow-Credentials', 'true']],
  )
  const refused = await request(server.url, { headers: { Origin: 'https://evil.example' } })
  assert.ok(!refused.headers.some(([name]) => name === 'Access-Control-Allow-Origin'))
})
