'use strict'
// Type-checks code blocks as files of one app, in one TypeScript program: strict, JS with
// checkJs, against the package's own .d.ts files, the installed express/hono types, and one
// stub of what an app would define itself (readme-stub.ts).
const path = require('node:path')
const ts = require('typescript')

const repo = path.join(__dirname, '..', '..')
const stub = path.join(__dirname, 'readme-stub.ts')
// Where the blocks live: a folder that does not exist, inside the repository so that packages
// resolve from its node_modules.
const app = path.join(__dirname, 'readme-app')
const extensions = { js: '.js', javascript: '.js', mjs: '.mjs', cjs: '.cjs', ts: '.ts', typescript: '.ts', tsx: '.tsx' }

const options = {
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.ES2022,
  // Node.js's own Request and Response, as in an Express app; the DOM's are covered by
  // __test__/types/no-node.
  lib: ['lib.es2022.d.ts'],
  // Each block is a module of its own, and may mix require and import as apps do.
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  esModuleInterop: true,
  types: ['node'],
  paths: {
    'cors-native': [path.join(repo, 'index.d.ts')],
    'cors-native/fetch': [path.join(repo, 'fetch.d.ts')],
    'cors-native/next': [path.join(repo, 'next.d.ts')],
    'cors-native/check': [path.join(repo, 'check.d.ts')],
    next: [stub],
    'next/server': [stub],
    // create-next-app's alias for the app's root
    '@/*': [path.join(app, '*')],
  },
}

/**
 * The file a block is: the path its first line names (`// lib/cors.ts`), so that other blocks
 * import it as the app would, or else one named after where it is written.
 */
function blockPath(block) {
  const named = /^\/\/ ([\w./-]+\.(?:[cm]?js|tsx?))\b/.exec(block.code)
  return path.join(app, named ? named[1] : `${block.file}.L${block.line}${extensions[block.lang]}`)
}

/**
 * Compiles `blocks` (`{ file, line, lang, code }` with a JS or TS `lang`). Returns the errors,
 * each with its block's file and line, and the blocks that are whole programs: those using no
 * name from the stub and importing no other block.
 */
function compileBlocks(blocks) {
  const files = new Map()
  for (const block of blocks) {
    const file = blockPath(block)
    if (files.has(file)) throw new Error(`${block.file}:${block.line} and ${files.get(file).file}:${files.get(file).line} are both ${path.relative(app, file)}`)
    files.set(file, block)
  }
  const host = ts.createCompilerHost(options)
  const { fileExists, directoryExists, readFile, getSourceFile } = host
  host.fileExists = (file) => files.has(file) || fileExists(file)
  host.directoryExists = (dir) => [...files.keys()].some((file) => file.startsWith(dir + path.sep)) || directoryExists(dir)
  host.readFile = (file) => (files.has(file) ? files.get(file).code : readFile(file))
  host.getSourceFile = (file, language, ...rest) => (files.has(file)
    ? ts.createSourceFile(file, files.get(file).code, language)
    : getSourceFile(file, language, ...rest))
  const program = ts.createProgram([...files.keys(), stub], options, host)

  const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    const block = diagnostic.file && files.get(diagnostic.file.fileName)
    if (!block) return { where: diagnostic.file ? path.relative(repo, diagnostic.file.fileName) : 'the compiler options', message }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return { block, where: `${block.file}:${block.line + line}`, message: `TS${diagnostic.code}: ${message}` }
  })

  const checker = program.getTypeChecker()
  // Whether a block uses a name declared in the stub or in another block.
  const borrows = (file) => {
    let found = false
    const visit = (node) => {
      if (found) return
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node)
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
        found = (symbol?.declarations ?? []).some((d) => {
          const from = d.getSourceFile().fileName
          return from === stub || (from !== file && files.has(from))
        })
      }
      ts.forEachChild(node, visit)
    }
    visit(program.getSourceFile(file))
    return found
  }
  const programs = [...files].filter(([file, block]) => !errors.some((e) => e.block === block) && !borrows(file)).map(([, block]) => block)
  return { errors, programs }
}

module.exports = { compileBlocks, extensions }
