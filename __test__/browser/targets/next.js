'use strict'
// The Next.js target: a small app (next-target/) that serves every scenario through
// cors-native/next, built with `next build` and run by `next start`.
const path = require('node:path')
const { installAndBuild } = require('../../support/next-build')
const { startServer } = require('../../support/child-server')
const { freePort } = require('../../support/free-port')

const appDir = path.join(__dirname, '..', 'next-target')

module.exports = {
  key: 'next',
  name: 'cors-native (Next.js)',
  flavour: 'native',
  async start({ env, report }) {
    const nextBin = installAndBuild(appDir, { installLinks: true, report })
    const port = await freePort()
    const next = await startServer(nextBin, {
      cwd: appDir,
      args: ['start', '--hostname', '127.0.0.1', '--port', String(port)],
      env: { CONFORMANCE_DIR: path.join(__dirname, '..'), CONFORMANCE_ENV: JSON.stringify(env), NEXT_TELEMETRY_DISABLED: '1' },
      ready: /Ready/,
    })
    return { port, close: () => next.stop() }
  },
}
