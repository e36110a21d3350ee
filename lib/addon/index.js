'use strict'
// The one place that finds the native addon. In order:
// 1. CORS_NATIVE_ADDON, an explicit path (for debugging); when set, nothing else is tried;
// 2. the local build `cors-native.node` in the package root (a clone after `npm install`, or an
//    app after `npx cors-native build`);
// 3. the platform package `cors-native-<platform>`, installed by npm as an optional dependency,
//    whose version must equal this package's.
// If none loads, an Error with code CORS_NATIVE_NO_ADDON says what was tried and how to fix it.
// Inside a bundle none can load: an Error with code CORS_NATIVE_BUNDLED names the bundler's fix.
const fs = require('fs')
const path = require('path')
const { bundledError } = require('./bundled')
const { candidateFailure } = require('./candidate')
const { platformName } = require('./platform')
const { version } = require('../../package.json')

const packageRoot = path.join(__dirname, '..', '..')

// Loads a .node file, or returns why not. process.dlopen, not require: require picks its loader by
// the extension of the symlink-resolved name, so `x.node` -> `x.js` would run as JavaScript.
function loadFile(file) {
  const failure = candidateFailure(file)
  if (failure) return { failure }
  const module = { exports: {} }
  try {
    process.dlopen(module, path.toNamespacedPath(file))
  } catch (error) {
    return { failure: `${file} exists but failed to load: ${error.message.split('\n')[0]}` }
  }
  return { addon: module.exports }
}

function loadPlatformPackage(platform) {
  const name = `cors-native-${platform}`
  let manifest
  try {
    manifest = require.resolve(`${name}/package.json`, { paths: [packageRoot] })
  } catch {
    return { failure: `${name} is not installed` }
  }
  const installed = JSON.parse(fs.readFileSync(manifest, 'utf8')).version
  if (installed !== version) {
    return { failure: `${name} is version ${installed}, but cors-native is ${version}; both must be the same version` }
  }
  return loadFile(path.join(path.dirname(manifest), `cors-native.${platform}.node`))
}

function noAddonError(platform, tried, explicit) {
  const message = [
    `cors-native: no native addon loads on ${platform} (Node ${process.version}).`,
    'Tried:',
    ...tried.map(([where, failure]) => `  - ${where}: ${failure}`),
    'Fix:',
    ...(explicit ? ['  CORS_NATIVE_ADDON is set: point it at a cors-native .node file, or unset it to load the installed addon.'] : []),
    `  The prebuilt addon is the optional dependency cors-native-${platform}. Reinstall so that it`,
    '  is installed, on the machine (and libc) where the app runs, without omitting optional dependencies:',
    '    npm:  npm install cors-native           (not with --omit=optional or --no-optional)',
    '    pnpm: pnpm add cors-native              (supportedArchitectures, if set, must include it)',
    '    yarn: yarn add cors-native              (supportedArchitectures, if set, must include it)',
    '  No prebuilt for this platform? Build it from source (needs Rust from https://rustup.rs and a C linker):',
    '    npx cors-native build',
  ].join('\n')
  const error = new Error(message)
  error.code = 'CORS_NATIVE_NO_ADDON'
  return error
}

function loadAddon() {
  const bundled = bundledError()
  if (bundled) throw bundled
  const platform = platformName()
  const explicit = process.env.CORS_NATIVE_ADDON
  const places = explicit
    ? [['CORS_NATIVE_ADDON', () => loadFile(path.resolve(explicit))]]
    : [
        ['local build', () => loadFile(path.join(packageRoot, 'cors-native.node'))],
        ['platform package', () => loadPlatformPackage(platform)],
      ]
  const tried = []
  for (const [where, load] of places) {
    const { addon, failure } = load()
    if (addon) return addon
    tried.push([where, failure])
  }
  throw noAddonError(platform, tried, explicit)
}

module.exports = loadAddon()
