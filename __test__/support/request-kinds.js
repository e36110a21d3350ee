'use strict'
// The kinds of request every option set is tried with: [name, method, headers].
const { ALLOWED_ORIGIN, OTHER_ORIGIN, DISALLOWED_ORIGIN } = require('./option-matrix')

const PREFLIGHT = { 'Access-Control-Request-Method': 'PUT' }

const requestKinds = [
  ['GET without Origin', 'GET', {}],
  ['GET from an allowed origin', 'GET', { Origin: ALLOWED_ORIGIN }],
  ['GET from another listed origin', 'GET', { Origin: OTHER_ORIGIN }],
  ['GET from a disallowed origin', 'GET', { Origin: DISALLOWED_ORIGIN }],
  ['GET from the null origin', 'GET', { Origin: 'null' }],
  ['HEAD from an allowed origin', 'HEAD', { Origin: ALLOWED_ORIGIN }],
  ['POST from an allowed origin', 'POST', { Origin: ALLOWED_ORIGIN }],
  ['preflight with request headers', 'OPTIONS', { Origin: ALLOWED_ORIGIN, ...PREFLIGHT, 'Access-Control-Request-Headers': 'x-custom, content-type' }],
  ['preflight without request headers', 'OPTIONS', { Origin: ALLOWED_ORIGIN, ...PREFLIGHT }],
  ['OPTIONS without Access-Control-Request-Method', 'OPTIONS', { Origin: ALLOWED_ORIGIN }],
  ['preflight from a disallowed origin', 'OPTIONS', { Origin: DISALLOWED_ORIGIN, ...PREFLIGHT, 'Access-Control-Request-Headers': 'x-custom' }],
  ['preflight from the null origin', 'OPTIONS', { Origin: 'null', ...PREFLIGHT }],
  ['OPTIONS without Origin', 'OPTIONS', {}],
  ['GET with a Vary already set', 'GET', { Origin: ALLOWED_ORIGIN, 'X-Preset-Vary': 'Accept-Encoding' }],
  ['preflight with a Vary already set', 'OPTIONS', { Origin: ALLOWED_ORIGIN, ...PREFLIGHT, 'Access-Control-Request-Headers': 'x-custom', 'X-Preset-Vary': 'Accept' }],
  ['GET with Vary: * already set', 'GET', { Origin: OTHER_ORIGIN, 'X-Preset-Vary': '*' }],
]

module.exports = { requestKinds }
