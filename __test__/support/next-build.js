'use strict'
// Installs a Next.js app's dependencies (cors-native as a file: dependency on this repository)
// and runs `next build` in it; returns the path of its `next` command.
const fs = require('node:fs')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

const repoDir = path.join(__dirname, '..', '..')

/**
 * A copied package (install-links, or npm's own choice) has no addon and no prebuilt platform
 * package: give it this repository's build as its local build, as `npx cors-native build` would.
 */
function useRepositoryBuild(appDir) {
  const installed = path.join(appDir, 'node_modules', 'cors-native')
  if (!fs.lstatSync(installed).isSymbolicLink()) fs.copyFileSync(path.join(repoDir, 'cors-native.node'), path.join(installed, 'cors-native.node'))
}

/** `installLinks` copies file: dependencies instead of linking them (for apps Turbopack roots inside this repository). */
function installAndBuild(appDir, { installLinks = false, report = () => {} } = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  // npm keeps an existing copy of a file: dependency; remove it so the repository's code is used.
  fs.rmSync(path.join(appDir, 'node_modules', 'cors-native'), { recursive: true, force: true })
  const timed = (label, fn) => {
    const started = Date.now()
    fn()
    report(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  const nextBin = path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  timed('npm install', () => execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', ...(installLinks ? ['--install-links'] : [])], { cwd: appDir, env, stdio: 'pipe' }))
  useRepositoryBuild(appDir)
  timed('next build', () => execFileSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env, stdio: 'pipe' }))
  return nextBin
}

module.exports = { installAndBuild, useRepositoryBuild }
