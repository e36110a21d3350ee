'use strict'
// The CORS part of a response, comparable across frameworks: Access-Control-* and Vary,
// names lower-cased, sorted (each framework orders its own headers differently).

function corsHeaders(pairs) {
  return pairs
    .map(([name, value]) => [name.toLowerCase(), value])
    .filter(([name]) => name.startsWith('access-control-') || name === 'vary')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

module.exports = { corsHeaders }
