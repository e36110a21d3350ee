'use strict'
// `--origins a,b --methods GET,PUT`: one check per origin and method, for CI.
const { check, FORMAT_VERSION } = require('./index')

async function checkMatrix(url, { origins, methods = ['GET'], ...options }) {
  const results = []
  for (const origin of origins) {
    for (const method of methods) results.push(await check(url, { ...options, origin, method }))
  }
  return { version: results[0]?.version ?? FORMAT_VERSION, allowed: results.every((r) => r.allowed), results }
}

module.exports = { checkMatrix }
