'use strict'
// Builds the Rust addon from source with the napi CLI (release mode). Runs as the package's
// `install` script, so it runs both in a clone of this repository and in a user's node_modules.
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const packageDir = path.resolve(__dirname, '..')
const installedAsDependency = packageDir.split(path.sep).includes('node_modules')

// In a user's node_modules the build tree would leave ~100 MB behind, so build elsewhere and
// delete it; in the repository keep ./target for incremental builds.
const targetDir = installedAsDependency
  ? fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-build-'))
  : path.join(packageDir, 'target')

const cargo = spawnSync('cargo', ['--version'], { encoding: 'utf8' })
if (cargo.error || cargo.status !== 0) {
  console.error(
    'cors-native: building the native addon needs a Rust toolchain (cargo), which was not found.\n' +
      'Install it from https://rustup.rs and run `npm install` again.',
  )
  process.exit(1)
}

const cliPackage = require.resolve('@napi-rs/cli/package.json', { paths: [packageDir] })
const cli = path.join(path.dirname(cliPackage), require(cliPackage).bin.napi)
const args = [
  cli, 'build', '--platform', '--release',
  '--js', 'binding.js', '--dts', 'binding.d.ts',
  '--target-dir', targetDir,
]
const build = spawnSync(process.execPath, args, { cwd: packageDir, stdio: 'inherit' })

if (installedAsDependency) fs.rmSync(targetDir, { recursive: true, force: true })
if (build.status !== 0) {
  console.error('cors-native: the native build failed; see the cargo output above.')
  process.exit(build.status ?? 1)
}
