'use strict'
// Builds the Rust addon from source with cargo (release) and puts it at ./cors-native.node,
// where lib/addon/index.js looks first. Runs as `prepare` in a clone of this repository, and as
// `npx cors-native build` in an app on a platform that has no prebuilt package.
const { spawnSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const packageDir = path.resolve(__dirname, '..')
const addonPath = path.join(packageDir, 'cors-native.node')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

// A clone holds the crate; an installed package does not (it would triple the tarball), so
// the crate is fetched from the registry as cors-native-source of the same version and built
// in a temporary folder that is deleted afterwards (a build tree is ~100 MB). CARGO_TARGET_DIR,
// when set, is a cargo cache to keep.
const inClone = fs.existsSync(path.join(packageDir, 'Cargo.toml'))
const workDir = inClone ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-build-'))
const targetDir = process.env.CARGO_TARGET_DIR || (inClone ? path.join(packageDir, 'target') : path.join(workDir, 'target'))

function fail(message, status = 1) {
  console.error(`cors-native: ${message}`)
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
  process.exit(status)
}

function fetchCrate() {
  const { version } = require('../package.json')
  const spec = `cors-native-source@${version}`
  const packed = spawnSync(npm, ['pack', spec, '--json', '--pack-destination', workDir], { encoding: 'utf8', shell: process.platform === 'win32' })
  if (packed.status !== 0) fail(`could not download the Rust sources (${spec}) from the npm registry:\n${packed.stderr}`)
  const [{ filename }] = JSON.parse(packed.stdout)
  const unpacked = spawnSync('tar', ['xzf', path.join(workDir, filename), '-C', workDir], { encoding: 'utf8' })
  if (unpacked.status !== 0) fail(`could not unpack ${filename}: ${unpacked.stderr}`)
  return path.join(workDir, 'package')
}

const cargo = spawnSync('cargo', ['--version'], { encoding: 'utf8' })
if (cargo.error || cargo.status !== 0) {
  fail('building the native addon needs a Rust toolchain (cargo), which was not found.\n' +
    'Install it from https://rustup.rs (and a C linker: build-essential, Xcode command line tools or\n' +
    'Visual Studio Build Tools), then run this again.')
}

// Cargo reports the built library's path as JSON on stdout; diagnostics go to stderr.
const crateDir = inClone ? packageDir : fetchCrate()
const build = spawnSync(
  'cargo',
  ['build', '--release', '--locked', '--lib', '--message-format=json-render-diagnostics', '--target-dir', targetDir],
  { cwd: crateDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
)
if (build.status !== 0) {
  fail('the native build failed; see the cargo output above. "linker `cc` not found" means a C ' +
    'linker is missing (Debian/Ubuntu: apt install build-essential).', build.status ?? 1)
}

const library = build.stdout
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .filter((message) => message.reason === 'compiler-artifact' && message.target.kind.includes('cdylib'))
  .flatMap((message) => message.filenames)
  .find((file) => /\.(so|dylib|dll)$/.test(file))
if (!library) fail('cargo built no dynamic library; is Cargo.toml still a cdylib?')

// Copy, then rename: a running process may hold the old addon open.
fs.copyFileSync(library, `${addonPath}.tmp`)
fs.renameSync(`${addonPath}.tmp`, addonPath)
if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
