'use strict'
// A real npm registry on 127.0.0.1: verdaccio 6.8.0 (the last release that runs on Node 20),
// proxying every package but cors-native* to the registry npm is configured with here.
const { spawn, execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { freePort } = require('./free-port')

const verdaccioBin = path.join(__dirname, '..', '..', 'node_modules', 'verdaccio', 'bin', 'verdaccio')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

async function waitForPing(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}-/ping`)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`verdaccio did not answer within ${timeoutMs} ms`)
}

// Env for an npm child: none of the npm_* variables of the `npm test` that runs us.
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)))
  return { ...env, ...extra }
}

/** Starts verdaccio in `dir`; resolves with `{ url, publish(tarball), stop() }`. */
async function startRegistry(dir) {
  const uplink = execFileSync(npm, ['config', 'get', 'registry'], { encoding: 'utf8', env: cleanEnv() }).trim()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const config = path.join(dir, 'config.yaml')
  fs.writeFileSync(config, [
    `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
    'auth:',
    `  htpasswd: { file: ${JSON.stringify(path.join(dir, 'htpasswd'))}, max_users: 10 }`,
    'uplinks:',
    `  upstream: { url: ${JSON.stringify(uplink)}, timeout: 60s }`,
    'packages:',
    "  'cors-native*': { access: $all, publish: $authenticated }",
    "  '**': { access: $all, publish: $authenticated, proxy: upstream }",
    'log: { type: stdout, format: pretty, level: error }',
    '',
  ].join('\n'))
  const child = spawn(process.execPath, [verdaccioBin, '--config', config, '--listen', `127.0.0.1:${port}`],
    { cwd: dir, env: { ...process.env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'ignore', 'inherit'] })
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.on('exit', () => resolve())
    process.kill(child.pid)
  })
  try {
    await waitForPing(url, child, 30_000)
    const login = await fetch(`${url}-/user/org.couchdb.user:publisher`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'publisher', password: 'publisher-password' }),
    })
    const { token } = await login.json()
    const userconfig = path.join(dir, 'publisher.npmrc')
    fs.writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`)
    const publish = (tarball) => execFileSync(npm, ['publish', tarball, '--userconfig', userconfig, '--registry', url],
      { env: cleanEnv(), stdio: 'pipe' })
    return { url, pid: child.pid, publish, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

module.exports = { startRegistry, cleanEnv }
