'use strict'
// Packs the crate as cors-native-source at the main package's version: `npx cors-native build`
// fetches it on platforms without a prebuilt addon, so the main package need not carry it
// (it would triple the main tarball). `node scripts/pack-source.js <dir>` prints the tarball.
const { execFileSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const repoDir = path.join(__dirname, '..')
const CRATE_FILES = ['src', 'benches', 'build.rs', 'Cargo.toml', 'Cargo.lock']
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function packSource(outDir) {
  const { version, license, repository, engines } = require('../package.json')
  const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-source-'))
  try {
    for (const file of CRATE_FILES) fs.cpSync(path.join(repoDir, file), path.join(sourceDir, file), { recursive: true })
    const manifest = {
      name: 'cors-native-source',
      version,
      description: 'The Rust crate of cors-native, fetched by `npx cors-native build` on platforms without a prebuilt addon',
      license,
      repository,
      engines,
      files: CRATE_FILES,
    }
    fs.writeFileSync(path.join(sourceDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    fs.mkdirSync(outDir, { recursive: true })
    const packed = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', path.resolve(outDir)], { cwd: sourceDir, encoding: 'utf8' })
    return path.join(path.resolve(outDir), JSON.parse(packed)[0].filename)
  } finally {
    fs.rmSync(sourceDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  if (!process.argv[2]) {
    console.error('usage: node scripts/pack-source.js <dir>')
    process.exit(2)
  }
  console.log(packSource(process.argv[2]))
}

module.exports = { packSource }
