'use strict'
// Whether a path may be handed to dlopen, and if not why. Only a regular `.node` file is; stat
// comes before any open, since reading a FIFO blocks forever and reading /dev/zero never ends.
const fs = require('fs')
const path = require('path')
const { elfArchitectureMismatch } = require('./elf-architecture')
const { elfTruncation } = require('./elf-truncation')

const FIX = 'replace it with a built cors-native .node file'

function kindOf(stats) {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

// Returns why `file` cannot be loaded as the addon, or null when it can be handed to dlopen.
function candidateFailure(file) {
  if (path.extname(file) !== '.node') {
    return `${file} is not a .node file; only a native addon is loaded, never JavaScript or JSON`
  }
  let stats
  try {
    stats = fs.statSync(file)
  } catch (error) {
    if (error.code === 'ENOENT') return `${file} does not exist`
    if (error.code === 'ELOOP') return `${file} is a symlink loop; ${FIX}`
    return `${file} cannot be read (${error.code}); ${FIX}`
  }
  const real = fs.realpathSync(file)
  const named = real === file ? file : `${file} (-> ${real})`
  if (!stats.isFile()) return `${named} is ${kindOf(stats)}, not a .node file; ${FIX}`
  if (process.platform !== 'linux') return null
  const mismatch = elfArchitectureMismatch(file)
  if (mismatch) return `${named} is built ${mismatch}; install or build the addon for this machine`
  const truncation = elfTruncation(file)
  if (truncation) return `${named} exists but is truncated (${truncation}); reinstall it`
  return null
}

module.exports = { candidateFailure }
