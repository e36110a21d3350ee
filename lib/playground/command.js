'use strict'
// `npx cors-native playground [--port N]`: starts the playground and prints its address.
const { startPlayground } = require('./server')
const { unknown } = require('../cli/suggest')

module.exports = async function playground(args) {
  const stray = args.find((arg, i) => arg !== '--port' && args[i - 1] !== '--port')
  if (stray !== undefined) {
    console.error(`cors-native playground: ${unknown(stray.startsWith('-') ? 'option' : 'argument', stray, ['--port', '--help'])}`)
    process.exit(2)
  }
  const portFlag = args.indexOf('--port')
  const port = portFlag === -1 ? 0 : Number(args[portFlag + 1])
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: cors-native playground [--port N]')
    process.exit(2)
  }
  let playground
  try {
    playground = await startPlayground({ port })
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error
    console.error(`cors-native playground: port ${port} is already in use; pick another with --port N, or leave out --port for a free one`)
    process.exit(2)
  }
  console.log(`cors-native playground: open ${playground.url}`)
  console.log(`(API origin ${playground.apiOrigin}, other page origin ${playground.otherOrigin}; Ctrl-C stops it)`)
  const stop = () => playground.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
