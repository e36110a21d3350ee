'use strict'
// A Next.js app without `serverExternalPackages: ['cors-native']`: Turbopack bundles the loader,
// whose paths then start at a virtual /ROOT. `next build` and `next dev` must both say so and
// name the line to add to the app's own config file, not send the user to reinstall or to Rust.
// The browser suite's app (next-target/) serves, with NEXT_TARGET_BUNDLED=1 leaving the line out.
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

test('Next.js without serverExternalPackages: next build and next dev name the missing line', { timeout: 10 * 60_000 }, async (t) => {
  const report = (line) => t.diagnostic(line)
  const nextBin = install(appDir, { installLinks: true, report })

  await t.test('next build fails with CORS_NATIVE_BUNDLED and the config file to edit', () => {
    const build = timed(report, 'next build', () => spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env: nextEnv(BUNDLED), encoding: 'utf8', timeout: 5 * 60_000 }))
    assert.notEqual(build.status, 0, 'next build succeeded with cors-native bundled')
    assertNamesTheFix(build.stdout + build.stderr)
  })

  await t.test('next dev answers 500 and logs CORS_NATIVE_BUNDLED with the config file to edit', async (t) => {
    const port = await freePort()
    const dev = await startServer(nextBin, {
      cwd: appDir,
      args: ['dev', '--hostname', '127.0.0.1', '--port', String(port)],
      env: nextEnv(BUNDLED),
      ready: /Ready/,
      timeoutMs: 120_000,
    })
    t.after(() => dev.stop())
    const response = await fetch(`http://127.0.0.1:${port}/s/0/final`, { headers: { Origin: 'http://localhost:1' } })
    await response.arrayBuffer()
    assert.equal(response.status, 500)
    // The error is logged as the request fails; give the log line a moment to arrive.
    for (let waited = 0; waited < 10_000 && !dev.output().includes('CORS_NATIVE_BUNDLED'); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100))
    assertNamesTheFix(dev.output())
  })
})
