'use strict'
// `npm run pack:prebuilt -- <dir>` writes the tarballs a release publishes into <dir>:
// - the platform package for this machine, cors-native-<platform>, holding the addon built by
//   `napi build` (glibc 2.17 toolchain for linux gnu targets, so old distributions load it);
// - the main package, whose optionalDependencies name the platform package of every target in
//   package.json's napi.targets, at the same version;
// - cors-native-source, the crate (scripts/pack-source.js).
const { execFileSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { platformName } = require('../lib/addon/platform')
const { packSource } = require('./pack-source')

const repoDir = path.join(__dirname, '..')
const manifest = require('../package.json')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const outDir = process.argv[2]
if (!outDir) {
  console.error('usage: npm run pack:prebuilt -- <dir>')
  process.exit(2)
}
fs.mkdirSync(outDir, { recursive: true })

// The napi-rs platform name of a Rust target triple: x86_64-unknown-linux-gnu -> linux-x64-gnu.
function platformOfTriple(triple) {
  const arch = { x86_64: 'x64', aarch64: 'arm64' }[triple.split('-')[0]]
  if (triple.includes('-linux-')) return `linux-${arch}-${triple.endsWith('musl') ? 'musl' : 'gnu'}`
  if (triple.includes('-apple-darwin')) return `darwin-${arch}`
  if (triple.includes('-windows-msvc')) return `win32-${arch}-msvc`
  throw new Error(`pack:prebuilt: no platform name for target ${triple}`)
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { cwd: repoDir, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options })
}

function packInto(packageDir) {
  const [{ filename }] = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', path.resolve(outDir)], { cwd: packageDir }))
  return path.join(path.resolve(outDir), filename)
}

const platform = platformName()
const triple = manifest.napi.targets.find((target) => platformOfTriple(target) === platform)
if (!triple) {
  console.error(`pack:prebuilt: this machine (${platform}) is not one of napi.targets`)
  process.exit(1)
}

const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-pack-'))
try {
  const napi = path.join(repoDir, 'node_modules', '@napi-rs', 'cli', 'dist', 'cli.js')
  // --no-js and --dts into the staging folder: napi must never overwrite the hand-written
  // index.js and index.d.ts.
  const cross = triple.endsWith('-linux-gnu') ? ['--use-napi-cross'] : []
  run(process.execPath, [napi, 'build', '--platform', '--release', '--target', triple, ...cross,
    '--no-js', '--output-dir', staging, '--dts', 'generated.d.ts'], { stdio: ['ignore', 'inherit', 'inherit'] })

  // The platform package's package.json (os, cpu, libc, engines, version) comes from napi.
  const npmDirs = path.join('target', 'npm-dirs')
  run(process.execPath, [napi, 'create-npm-dirs', '--npm-dir', npmDirs], { stdio: 'ignore' })
  const platformDir = path.join(repoDir, npmDirs, platform)
  const binary = `cors-native.${platform}.node`
  fs.copyFileSync(path.join(staging, binary), path.join(platformDir, binary))
  console.log(packInto(platformDir))

  // The main package: the files npm would publish, with the optional dependencies added.
  const mainDir = path.join(staging, 'main')
  const files = JSON.parse(run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts']))[0].files
  for (const { path: file } of files) {
    fs.mkdirSync(path.join(mainDir, path.dirname(file)), { recursive: true })
    fs.copyFileSync(path.join(repoDir, file), path.join(mainDir, file))
  }
  const optionalDependencies = Object.fromEntries(
    manifest.napi.targets.map((target) => [`cors-native-${platformOfTriple(target)}`, manifest.version]))
  fs.writeFileSync(path.join(mainDir, 'package.json'), `${JSON.stringify({ ...manifest, optionalDependencies }, null, 2)}\n`)
  console.log(packInto(mainDir))
  console.log(packSource(outDir))
} finally {
  fs.rmSync(staging, { recursive: true, force: true })
}
