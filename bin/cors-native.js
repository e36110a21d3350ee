#!/usr/bin/env node
'use strict'
// `npx cors-native <command>`: one entry for every command the package ships.
const commands = {
  build: () => require('../scripts/build-native'),
  check: () => require('../lib/check/cli').run(process.argv.slice(3)).then((code) => { process.exitCode = code }),
  playground: () => require('../lib/playground/command')(process.argv.slice(3)),
}

const [name] = process.argv.slice(2)
const command = commands[name]
if (!command) {
  console.error(`usage: cors-native <${Object.keys(commands).join('|')}>`)
  process.exit(2)
}
command()
