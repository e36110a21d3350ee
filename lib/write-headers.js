'use strict'
// Writes a decided response, in the order and with the values cors@2.8.6 uses. `headers` are
// the policy's precomputed values; `allowOrigin` is the decided Access-Control-Allow-Origin.
const { appendVary } = require('./vary')

function writeActualHeaders(res, headers, allowOrigin, varyOrigin) {
  if (allowOrigin) res.setHeader('Access-Control-Allow-Origin', allowOrigin)
  if (varyOrigin) appendVary(res, 'Origin')
  if (headers.allowCredentials) res.setHeader('Access-Control-Allow-Credentials', headers.allowCredentials)
  if (headers.exposeHeaders) res.setHeader('Access-Control-Expose-Headers', headers.exposeHeaders)
}

function writePreflightHeaders(res, headers, allowOrigin, varyOrigin, requestHeaders) {
  const reflect = headers.reflectRequestHeaders
  if (allowOrigin) res.setHeader('Access-Control-Allow-Origin', allowOrigin)
  // Vary is written once, where cors first writes it; Node keeps a header where it was first set.
  if (varyOrigin) appendVary(res, reflect ? 'Origin, Access-Control-Request-Headers' : 'Origin')
  if (headers.allowCredentials) res.setHeader('Access-Control-Allow-Credentials', headers.allowCredentials)
  if (headers.allowMethods) res.setHeader('Access-Control-Allow-Methods', headers.allowMethods)
  if (reflect && !varyOrigin) appendVary(res, 'Access-Control-Request-Headers')
  const allowHeaders = reflect ? requestHeaders : headers.allowHeaders
  if (allowHeaders) res.setHeader('Access-Control-Allow-Headers', allowHeaders)
  if (headers.maxAge) res.setHeader('Access-Control-Max-Age', headers.maxAge)
  if (headers.exposeHeaders) res.setHeader('Access-Control-Expose-Headers', headers.exposeHeaders)
}

/** Ends a preflight cors-style: status, an explicit empty body (Safari waits for one otherwise). */
function endPreflight(res, headers) {
  res.statusCode = headers.optionsSuccessStatus
  res.setHeader('Content-Length', '0')
  res.end()
}

module.exports = { writeActualHeaders, writePreflightHeaders, endPreflight }
