'use strict'
// The napi-rs name of the platform this process runs on, e.g. `linux-x64-gnu`, `darwin-arm64`,
// `win32-x64-msvc`: the suffix of the platform package `cors-native-<name>`.
const fs = require('fs')

function linuxLibc() {
  // musl's ldd is a script that names musl; glibc's does not. Reading it costs ~0.1 ms, where
  // process.report can take tens of ms on machines with many network interfaces.
  try {
    return fs.readFileSync('/usr/bin/ldd', 'latin1').includes('musl') ? 'musl' : 'gnu'
  } catch {
    const header = process.report.getReport().header
    return header.glibcVersionRuntime ? 'gnu' : 'musl'
  }
}

function platformName() {
  if (process.platform === 'linux') return `linux-${process.arch}-${linuxLibc()}`
  if (process.platform === 'win32') return `win32-${process.arch}-msvc`
  return `${process.platform}-${process.arch}`
}

module.exports = { platformName }
