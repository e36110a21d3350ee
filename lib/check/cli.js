'use strict'
// `cors-native check <url> --origin <origin> [...]`: exit 0 when every engine allows, 1 when
// any blocks, 2 on a usage or network error.
const { check, UsageError, NetworkError, FORMAT_VERSION } = require('./index')
const { checkMatrix } = require('./matrix')
const { describe, visible } = require('./report')
const help = require('../cli/help')
const { unknown } = require('../cli/suggest')

const FLAGS = new Set(['--credentials', '--json', '--no-probes', '--insecure', '--help'])
const VALUES = new Set(['--origin', '--method', '--header', '--cookie', '--resolve', '--data', '--timeout', '--origins', '--methods', '--page-address-space', '--server-address-space', '--target-address-space', '--permission'])
// Flags given once per value.
const REPEATED = { '--header': 'headers', '--cookie': 'cookies', '--resolve': 'resolve', '--permission': 'permissions' }

function parseArgs(argv) {
  const args = { headers: [], cookies: [], resolve: [], permissions: [], urls: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (FLAGS.has(flag) || (flag === 'help' && i === 0)) args[flag.replace(/^--/, '')] = true
    else if (flag === '-h') args.help = true
    else if (VALUES.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`${flag} needs a value`)
      if (REPEATED[flag]) args[REPEATED[flag]].push(value)
      else args[flag.slice(2)] = value
    } else if (arg.startsWith('-')) throw new UsageError(unknown('option', flag, [...FLAGS, ...VALUES, '-h']))
    else args.urls.push(arg)
  }
  if (args.help) return args
  if (args.urls.length !== 1) throw new UsageError('give exactly one URL')
  if (args.origin && args.origins) throw new UsageError('give --origin or --origins, not both')
  if (args.methods && !args.origins) throw new UsageError('--methods goes with --origins; for one request use --method')
  return args
}

const list = (text) => text.split(',').map((item) => item.trim()).filter(Boolean)

async function run(argv, out = process.stdout, err = process.stderr) {
  let args
  try {
    args = parseArgs(argv)
    if (args.help) {
      out.write(help.check)
      return 0
    }
    const options = {
      headers: args.headers,
      body: args.data,
      credentials: Boolean(args.credentials),
      timeout: args.timeout,
      probes: !args['no-probes'],
      cookies: args.cookies,
      resolve: args.resolve,
      insecure: Boolean(args.insecure),
      pageAddressSpace: args['page-address-space'],
      serverAddressSpace: args['server-address-space'],
      targetAddressSpace: args['target-address-space'],
      permissions: args.permissions,
    }
    if (args.origins) {
      const matrix = await checkMatrix(args.urls[0], { ...options, origins: list(args.origins), methods: args.methods ? list(args.methods) : undefined })
      out.write(args.json ? `${JSON.stringify(matrix, null, 2)}\n` : `${matrix.results.map(describe).join('\n\n---\n\n')}\n`)
      return matrix.allowed ? 0 : 1
    }
    const result = await check(args.urls[0], { ...options, origin: args.origin, method: args.method })
    out.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${describe(result)}\n`)
    return result.allowed ? 0 : 1
  } catch (error) {
    if (error instanceof UsageError) {
      // A suggestion is enough; otherwise point at the options.
      err.write(`cors-native check: ${visible(error.message)}\n${/did you mean/.test(error.message) ? '' : 'see: cors-native check --help\n'}`)
      return 2
    }
    if (error instanceof NetworkError) {
      if (args?.json) out.write(`${JSON.stringify({ version: FORMAT_VERSION, error: { code: 'network', message: error.message } }, null, 2)}\n`)
      err.write(`cors-native check: network error: ${visible(error.message)}\n`)
      return 2
    }
    err.write(`cors-native check: unexpected error: ${String(error?.stack ?? error).split('\n').map(visible).join('\n')}\n`)
    return 2
  }
}

module.exports = { run, parseArgs }
