'use strict'
// A bundler that pulls cors-native into its output (Next.js without serverExternalPackages,
// webpack or esbuild without externals) rewrites the loader's paths: Turbopack makes __dirname
// the virtual `/ROOT/node_modules/cors-native/lib/addon`, webpack and esbuild the bundle's own
// folder. Either way the loader's own files are not where __dirname says, and no search for the
// addon from there can succeed; the fix is in the bundler's configuration, not in node_modules.
const fs = require('fs')
const path = require('path')

// Next.js reads the first of these it finds, walking up from the app's folder.
const NEXT_CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.mts']

function isBundled() {
  return !fs.existsSync(path.join(__dirname, 'candidate.js'))
}

/** The Next.js config files of the app in `dir` (or a folder above it), the one Next.js reads first. */
function nextConfigFiles(dir) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const found = NEXT_CONFIGS.filter((name) => fs.existsSync(path.join(current, name)))
    if (found.length > 0) return found.map((name) => path.join(current, name))
    if (path.dirname(current) === current) return []
  }
}

function nextFix([config, ...ignored]) {
  const where = config ? `to ${config}` : 'to your next.config.js (or next.config.mjs / next.config.ts)'
  return [
    `  Add serverExternalPackages: ['cors-native'] ${where},`,
    '  so that Next.js loads cors-native from node_modules at run time instead of bundling it:',
    "    const nextConfig = { serverExternalPackages: ['cors-native'] }",
    ...ignored.map((file) => `  Next.js reads only that file: ${file} is ignored.`),
    '  Reinstalling does not help: the addon is installed, the bundle cannot reach it.',
  ]
}

const OTHER_FIX = [
  '  Mark cors-native as external in your bundler so that Node.js requires it from node_modules',
  "  at run time (webpack: externals: { 'cors-native': 'commonjs cors-native' }; esbuild:",
  "  --external:cors-native; Vite SSR: ssr.external: ['cors-native']; Next.js: serverExternalPackages).",
  '  Reinstalling does not help: the addon is installed, the bundle cannot reach it.',
]

/** An Error with code CORS_NATIVE_BUNDLED naming the fix, or null when not bundled. */
function bundledError(cwd = process.cwd()) {
  if (!isBundled()) return null
  const configs = nextConfigFiles(cwd)
  const inNext = configs.length > 0 || process.env.NEXT_RUNTIME !== undefined
  const error = new Error([
    `cors-native: ${inNext ? 'Next.js' : 'a bundler'} bundled cors-native, and its native addon cannot load from a bundle`,
    `(the loader runs from ${__dirname}, not from node_modules/cors-native).`,
    'Fix:',
    ...(inNext ? nextFix(configs) : OTHER_FIX),
  ].join('\n'))
  error.code = 'CORS_NATIVE_BUNDLED'
  return error
}

module.exports = { bundledError }
