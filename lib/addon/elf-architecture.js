'use strict'
// A .node built for another architecture fails in dlopen with a misleading "cannot open shared
// object file"; the ELF identification and e_machine fields name the real problem.
const fs = require('fs')

const ELF_MAGIC = 0x464c457f // "\x7fELF", little-endian read
const HEADER_BYTES = 20 // through e_machine, at offset 18

// The e_machine value and ELF class (bits) each process.arch needs; other architectures are left
// to dlopen.
const ARCHES = { x64: ['x86-64', 62, 64], arm64: ['aarch64', 183, 64], ia32: ['x86', 3, 32], arm: ['ARM', 40, 32] }

function machineName(machine) {
  const arch = Object.values(ARCHES).find(([, value]) => value === machine)
  return `${arch ? arch[0] : 'another architecture'} (ELF machine ${machine})`
}

// Returns how the file is built when that cannot run in this process, or null when it can (or
// is not an ELF file, which dlopen will judge itself).
function elfArchitectureMismatch(file) {
  const header = Buffer.alloc(HEADER_BYTES)
  const fd = fs.openSync(file, 'r')
  let headerBytes
  try {
    headerBytes = fs.readSync(fd, header, 0, HEADER_BYTES, 0)
  } finally {
    fs.closeSync(fd)
  }
  const arch = ARCHES[process.arch]
  if (!arch || headerBytes < HEADER_BYTES || header.readUInt32LE(0) !== ELF_MAGIC) return null
  const [, expected, bits] = arch
  const machine = header[5] === 2 ? header.readUInt16BE(18) : header.readUInt16LE(18)
  if (machine !== expected) return `for ${machineName(machine)}, but this process is ${process.arch} and needs ${machineName(expected)}`
  const fileBits = header[4] === 2 ? 64 : 32
  return fileBits === bits ? null : `as a ${fileBits}-bit ELF file, but this process is ${bits}-bit ${process.arch}`
}

module.exports = { elfArchitectureMismatch }
