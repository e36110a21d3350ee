'use strict'
// Installs a Next.js app's dependencies (cors-native as a file: dependency on this repository)
// and runs `next build` in it.
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

/**
 * Installs the app's dependencies and returns the path of its `next` command. `installLinks`
 * copies file: dependencies instead of linking them (for apps Turbopack roots inside this repository).
 */
function install(appDir, { installLinks = false, report = () => {} } = {}) {
  // npm keeps an existing copy of a file: dependency; remove it so the repository's code is used.
  fs.rmSync(path.join(appDir, 'node_modules', 'cors-native'), { recursive: true, force: true })
  timed(report, 'npm install', () => execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', ...(installLinks ? ['--install-links'] : [])], { cwd: appDir, env: nextEnv(), stdio: 'pipe' }))
  useRepositoryBuild(appDir)
  return path.join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next')
}

function installAndBuild(appDir, options = {}) {
  const nextBin = install(appDir, options)
  timed(options.report, 'next build', () => execFileSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env: nextEnv(), stdio: 'pipe' }))
  return nextBin
}

function nextEnv(extra = {}) {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** Runs `fn`, reports how long it took, and returns what it returned. */
function timed(report = () => {}, label, fn) {
  const started = Date.now()
  const result = fn()
  report(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

module.exports = { install, installAndBuild, nextEnv, timed, useRepositoryBuild }
