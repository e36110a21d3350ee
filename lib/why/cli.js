'use strict'
// `cors-native why "<console line>"` (or the line on standard input) and
// `cors-native why --har <file>`: exit 0 explained (and the server allows it now), 1 an
// engine still blocks it (the check, or a request in the HAR), 2 usage error or unreadable input.
const { why, MAX_LINE_BYTES } = require('./line')
const { judgeHar } = require('./har')
const { UsageError } = require('../check')
const { describe, visible } = require('../check/report')
const help = require('../cli/help')
const { unknown } = require('../cli/suggest')

const FLAGS = new Set(['--credentials', '--json', '--no-check', '--help'])
const VALUES = new Set(['--url', '--origin', '--method', '--header', '--timeout', '--har'])
const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }

function parseArgs(argv) {
  const args = { headers: [], lines: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (FLAGS.has(flag)) args[flag.slice(2)] = true
    else if (flag === '-h') args.help = true
    else if (VALUES.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`${flag} needs a value`)
      if (flag === '--header') args.headers.push(value)
      else args[flag.slice(2)] = value
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(unknown('option', flag, [...FLAGS, ...VALUES, '-h']))
    else args.lines.push(arg)
  }
  if (args.lines.length > 1) throw new UsageError(`give the console line as one argument, in quotes (got ${args.lines.length} arguments)`)
  if (args.har && args.lines.length) throw new UsageError('give a console line or --har <file>, not both')
  const lineOnly = ['url', 'origin', 'method', 'timeout', 'credentials', 'no-check'].filter((name) => args[name] !== undefined)
  if (args.har && (lineOnly.length || args.headers.length)) throw new UsageError(`--${lineOnly[0] ?? 'header'} goes with a console line; --har judges what the HAR recorded, offline`)
  return args
}

/** Standard input as text, refused past `limit` bytes (bytes that are not UTF-8 become U+FFFD). */
function readStdin(stdin, limit) {
  if (stdin.isTTY) return Promise.reject(new UsageError('give the console line as an argument, or pipe it on standard input'))
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    stdin.on('data', (chunk) => {
      size += chunk.length
      if (size > limit) {
        stdin.destroy()
        reject(new UsageError(`standard input is over ${limit / 1024} KiB; pipe only the line about the blocked fetch`))
      } else chunks.push(chunk)
    })
    stdin.on('end', () => resolve(new TextDecoder('utf-8').decode(Buffer.concat(chunks))))
    stdin.on('error', reject)
  })
}

function describeWhy(result) {
  const engine = result.engine ? ENGINE_NAMES[result.engine] : 'The browser'
  const lines = [`${engine} blocked ${result.url ? `the fetch of ${result.url}` : 'a fetch'}${result.redirectedFrom ? ` (redirected from ${result.redirectedFrom})` : ''}${result.origin ? ` from origin ${result.origin}` : ''}.`]
  lines.push(`what happened: ${result.explanation}`, `step: ${result.step ?? 'not said by the line'}`, `failure: ${result.failure}${result.alternatives.length ? ` (or ${result.alternatives.join(', ')})` : ''}`, `fix: ${result.fix}`)
  if (result.check) {
    lines.push('', `The server now, checked from here as the page's fetch (cors-native check ${result.check.url} --origin ${result.check.origin} --method ${result.check.method}):`, '', describe(result.check))
    if (result.step === 'preflight' && !result.check.preflightNeeded) lines.push('', 'note: the line says the preflight failed, but this request needs none: give the page\'s --method and --header to check what it sends')
  } else if (result.checkError) lines.push('', `not checked: ${result.checkError}`)
  return lines.map(visible).join('\n')
}

async function run(argv, { out = process.stdout, err = process.stderr, stdin = process.stdin } = {}) {
  let args
  try {
    args = parseArgs(argv)
    if (args.help) {
      out.write(help.why)
      return 0
    }
    if (args.har) {
      const results = judgeHar(args.har)
      out.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : `${results.length ? results.map(describe).join('\n\n---\n\n') : 'no cross-origin request in this HAR'}\n`)
      return results.every((r) => r.allowed) ? 0 : 1
    }
    const text = args.lines.length && args.lines[0] !== '-' ? args.lines[0] : await readStdin(stdin, MAX_LINE_BYTES)
    const result = await why(text, { url: args.url, origin: args.origin, method: args.method, headers: args.headers, credentials: args.credentials, timeout: args.timeout, check: !args['no-check'] })
    out.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${describeWhy(result)}\n`)
    return result.check && !result.check.allowed ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`cors-native why: ${visible(error.message)}\n${/did you mean/.test(error.message) ? '' : 'see: cors-native why --help\n'}`)
      return 2
    }
    err.write(`cors-native why: unexpected error: ${String(error?.stack ?? error).split('\n').map(visible).join('\n')}\n`)
    return 2
  }
}

module.exports = { run, parseArgs }
