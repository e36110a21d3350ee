'use strict'
// Builds the Rust addon from source with cargo (release) and puts it at ./cors-native.node,
// where lib/addon.js looks first. Runs as `prepare` in a clone of this repository, and as
// `npx cors-native build` in an app on a platform that has no prebuilt package.
const { spawnSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const packageDir = path.resolve(__dirname, '..')
const addonPath = path.join(packageDir, 'cors-native.node')
const installedAsDependency = packageDir.split(path.sep).includes('node_modules')

// In a user's node_modules the build tree would leave ~100 MB behind, so build elsewhere and
// delete it, unless CARGO_TARGET_DIR names a cache to keep; in the repository keep ./target.
const sharedTargetDir = process.env.CARGO_TARGET_DIR
const temporaryTargetDir = installedAsDependency && !sharedTargetDir
const targetDir = temporaryTargetDir
  ? fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-build-'))
  : sharedTargetDir || path.join(packageDir, 'target')

function fail(message, status = 1) {
  console.error(`cors-native: ${message}`)
  if (temporaryTargetDir) fs.rmSync(targetDir, { recursive: true, force: true })
  process.exit(status)
}

const cargo = spawnSync('cargo', ['--version'], { encoding: 'utf8' })
if (cargo.error || cargo.status !== 0) {
  fail('building the native addon needs a Rust toolchain (cargo), which was not found.\n' +
    'Install it from https://rustup.rs (and a C linker: build-essential, Xcode command line tools or\n' +
    'Visual Studio Build Tools), then run this again.')
}

// Cargo reports the built library's path as JSON on stdout; diagnostics go to stderr.
const build = spawnSync(
  'cargo',
  ['build', '--release', '--locked', '--lib', '--message-format=json-render-diagnostics', '--target-dir', targetDir],
  { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
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
if (temporaryTargetDir) fs.rmSync(targetDir, { recursive: true, force: true })
