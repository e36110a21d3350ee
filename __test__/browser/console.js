'use strict'
// Console lines arrive asynchronously (Firefox reports a CORS error after fetch() has already
// rejected), so the lines of an engine's whole run are collected first and then given to the
// run whose URL they name: any of the target's origins followed by the scenario's path.
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function linesAbout(lines, origins, path) {
  const pattern = new RegExp(`(${origins.map(escape).join('|')})${escape(path)}(?![0-9])`)
  return lines.filter((line) => pattern.test(line))
}

module.exports = { linesAbout }
