'use strict'
// dlopen maps an ELF file's segments without checking them against the file's size, so a
// truncated .node kills the process with SIGBUS instead of throwing. Reading the headers first
// turns that into an error we can name.
const fs = require('fs')

const ELF_MAGIC = 0x464c457f // "\x7fELF", little-endian read
const PT_LOAD = 1

// Returns why the file is truncated, or null when it is whole (or not a 64-bit little-endian ELF
// file, which dlopen will judge itself).
function elfTruncation(file) {
  const fd = fs.openSync(file, 'r')
  try {
    const size = fs.fstatSync(fd).size
    const header = Buffer.alloc(64)
    const headerBytes = fs.readSync(fd, header, 0, 64, 0)
    if (headerBytes < 4 || header.readUInt32LE(0) !== ELF_MAGIC) return null
    if (headerBytes < 64) return `it is ${size} bytes, shorter than an ELF header`
    if (header[4] !== 2 || header[5] !== 1) return null
    const phoff = Number(header.readBigUInt64LE(32))
    const shoff = Number(header.readBigUInt64LE(40))
    const phentsize = header.readUInt16LE(54)
    const phnum = header.readUInt16LE(56)
    const shentsize = header.readUInt16LE(58)
    const shnum = header.readUInt16LE(60)
    let needed = Math.max(phoff + phnum * phentsize, shoff + shnum * shentsize)
    if (phoff + phnum * phentsize <= size) {
      const table = Buffer.alloc(phnum * phentsize)
      fs.readSync(fd, table, 0, table.length, phoff)
      for (let i = 0; i < phnum; i++) {
        const entry = i * phentsize
        if (table.readUInt32LE(entry) !== PT_LOAD) continue
        const end = Number(table.readBigUInt64LE(entry + 8)) + Number(table.readBigUInt64LE(entry + 32))
        needed = Math.max(needed, end)
      }
    }
    return needed > size ? `it is ${size} bytes but its headers describe ${needed}` : null
  } finally {
    fs.closeSync(fd)
  }
}

module.exports = { elfTruncation }
