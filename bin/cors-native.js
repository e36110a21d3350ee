#!/usr/bin/env node
'use strict'
// `npx cors-native <command>`: one entry for every command the package ships.
const help = require('../lib/cli/help')
const { unknown } = require('../lib/cli/suggest')

const commands = {
  build: () => require('../scripts/build-native'),
  check: (args) => require('../lib/check/cli').run(args).then((code) => { process.exitCode = code }),
  playground: (args) => require('../lib/playground/command')(args),
  why: (args) => require('../lib/why/cli').run(args).then((code) => { process.exitCode = code }),
}
const isHelp = (arg) => arg === '--help' || arg === '-h'

const [name, ...args] = process.argv.slice(2)
if (name === undefined) {
  process.stderr.write(help.main)
  process.exitCode = 2
} else if (isHelp(name) || name === 'help') {
  process.stdout.write(Object.hasOwn(commands, args[0]) ? help[args[0]] : help.main)
} else if (name === '--version' || name === '-v') {
  console.log(require('../package.json').version)
} else if (!Object.hasOwn(commands, name)) {
  console.error(`cors-native: ${unknown(name.startsWith('-') ? 'option' : 'command', name, name.startsWith('-') ? ['--help', '--version'] : Object.keys(commands))}`)
  process.exitCode = 2
} else if (name !== 'check' && (args.some(isHelp) || args[0] === 'help')) {
  // check parses its own, so that `--data -h` stays a body
  process.stdout.write(help[name])
} else if (name === 'build' && args.length) {
  console.error(`cors-native build: ${unknown('option', args[0], ['--help'])}`)
  process.exitCode = 2
} else {
  commands[name](args)
}
