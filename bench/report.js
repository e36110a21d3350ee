'use strict'
// BENCHMARKS.md holds one section per benchmark; each run replaces only its own section.
const fs = require('node:fs')
const path = require('node:path')

const FILE = path.join(__dirname, '..', 'BENCHMARKS.md')
const TITLE = '# Benchmarks\n\nEach section is written by the command it names; figures are from one run of it.\n'

function writeSection(name, markdown) {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : TITLE
  const start = `<!-- ${name} -->`
  const end = `<!-- /${name} -->`
  const block = `${start}\n${markdown.trim()}\n${end}`
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`)
  fs.writeFileSync(FILE, pattern.test(text) ? text.replace(pattern, () => block) : `${text.trimEnd()}\n\n${block}\n`)
}

module.exports = { writeSection }
