'use strict'
// Vary is merged with what earlier middleware set, exactly as cors does through `vary`.
const vary = require('vary')

function appendVary(res, fields) {
  // The common case needs no parsing. A bare response without getHeader (which @types/cors
  // allows) has no earlier Vary to merge.
  if (typeof res.getHeader !== 'function' || res.getHeader('vary') === undefined) res.setHeader('Vary', fields)
  else vary(res, fields)
}

module.exports = { appendVary }
