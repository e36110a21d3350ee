'use strict'
// What a newcomer to cors-native in Next.js runs into, in the browser suite's app (next-target/):
// - no `serverExternalPackages: ['cors-native']` (NEXT_TARGET_BUNDLED=1 leaves it out):
//   Turbopack bundles the loader, whose paths then start at a virtual /ROOT. `next build` and
//   `next dev` must both name the line to add to the app's own config file, not send the user
//   to reinstall or to Rust;
// - proxy.js and a Pages route's own policy on one response: the proxy's wider list wins, and
//   cors-native says so once, naming both files.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')
const { install, nextEnv, timed } = require('../support/next-build')
const { startServer } = require('../support/child-server')
const { freePort } = require('../support/free-port')

const appDir = path.join(__dirname, '..', 'browser', 'next-target')
const BUNDLED = { NEXT_TARGET_BUNDLED: '1' }
const FIX = /Add serverExternalPackages: \['cors-native'\] to \S*next-target[/\\]next\.config\.mjs/

function assertNamesTheFix(output) {
  assert.match(output, /code: 'CORS_NATIVE_BUNDLED'/, output)
  assert.match(output, /cors-native: Next\.js bundled cors-native, and its native addon cannot load from a bundle/)
  assert.match(output, FIX)
  assert.doesNotMatch(output, /CORS_NATIVE_NO_ADDON|rustup|npx cors-native build/)
}

async function startDev(nextBin, env) {
  const port = await freePort()
  const dev = await startServer(nextBin, {
    cwd: appDir,
    args: ['dev', '--hostname', '127.0.0.1', '--port', String(port)],
    env: nextEnv(env),
    ready: /Ready/,
    timeoutMs: 120_000,
  })
  return { ...dev, url: (route) => `http://127.0.0.1:${port}${route}` }
}

/** Waits (up to 10 s) for `text` in the server's output: a failing request is logged as it fails. */
async function logged(dev, text) {
  for (let waited = 0; waited < 10_000 && !dev.output().includes(text); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100))
  return dev.output()
}

test('Next.js traps: a bundled cors-native, and two CORS layers on one route', { timeout: 10 * 60_000 }, async (t) => {
  const report = (line) => t.diagnostic(line)
  const nextBin = install(appDir, { installLinks: true, report })

  await t.test('without serverExternalPackages, next build fails with CORS_NATIVE_BUNDLED and the config file to edit', () => {
    const build = timed(report, 'next build', () => spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env: nextEnv(BUNDLED), encoding: 'utf8', timeout: 5 * 60_000 }))
    assert.notEqual(build.status, 0, 'next build succeeded with cors-native bundled')
    assertNamesTheFix(build.stdout + build.stderr)
  })

  await t.test('without serverExternalPackages, next dev answers 500 and logs CORS_NATIVE_BUNDLED with the config file to edit', async (t) => {
    const dev = await startDev(nextBin, BUNDLED)
    t.after(() => dev.stop())
    const response = await fetch(dev.url('/s/0/final'), { headers: { Origin: 'http://localhost:1' } })
    await response.arrayBuffer()
    assert.equal(response.status, 500)
    assertNamesTheFix(await logged(dev, 'CORS_NATIVE_BUNDLED'))
  })

  await t.test('proxy.js and a Pages route with its own policy: one CORS_NATIVE_TWO_LAYERS warning naming both files', async (t) => {
    const dev = await startDev(nextBin, {})
    t.after(() => dev.stop())
    // The route's own policy refuses this origin; the proxy's header reaches the browser anyway.
    for (let i = 0; i < 2; i++) {
      const response = await fetch(dev.url('/api/two-layers'), { headers: { Origin: 'https://wider.example.com' } })
      assert.deepEqual(await response.json(), { ok: true })
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://wider.example.com')
    }
    const output = await logged(dev, 'CORS_NATIVE_TWO_LAYERS')
    const warnings = output.match(/\[CORS_NATIVE_TWO_LAYERS\][^\n]*/g) ?? []
    assert.equal(warnings.length, 1, output)
    assert.match(warnings[0], /GET \/api\/two-layers gets the headers of two CORS policies, one created at proxy\.js:\d+:\d+ and one at pages[/\\]api[/\\]two-layers\.js:\d+:\d+/)
  })
})
