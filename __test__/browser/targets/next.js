'use strict'
// The Next.js target: a small app (next-target/) that serves every scenario through
// cors-native/next, built with `next build` and run by `next start`. `serve` starts the built
// app again with other scenarios (CONFORMANCE_DIR) and env, without a rebuild.
const path = require('node:path')
const { installAndBuild } = require('../../support/next-build')
const { startServer } = require('../../support/child-server')
const { freePort } = require('../../support/free-port')

const appDir = path.join(__dirname, '..', 'next-target')
const nextBin = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')

/** The built app on 127.0.0.1 serving `dir`'s scenarios and routes with `env`: `{ port, close }`. */
async function serve(dir, env) {
  const port = await freePort()
  const next = await startServer(nextBin, {
    cwd: appDir,
    args: ['start', '--hostname', '127.0.0.1', '--port', String(port)],
    env: { CONFORMANCE_DIR: dir, CONFORMANCE_ENV: JSON.stringify(env), NEXT_TELEMETRY_DISABLED: '1' },
    ready: /Ready/,
  })
  return { port, close: () => next.stop() }
}

module.exports = {
  key: 'next',
  name: 'cors-native (Next.js)',
  flavour: 'native',
  async start({ env, report }) {
    installAndBuild(appDir, { installLinks: true, report })
    return serve(path.join(__dirname, '..'), env)
  },
  serve,
}
