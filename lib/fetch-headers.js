'use strict'
// The CORS headers of a decided request, written to a Fetch API Headers object with the same
// values and Vary merging as the Express middleware (Headers keeps no order, so none is kept).
const vary = require('vary')

function appendVary(headers, fields) {
  const existing = headers.get('Vary')
  headers.set('Vary', existing === null ? fields : vary.append(existing, fields))
}

function setActualHeaders(headers, policyHeaders, allowOrigin, varyOrigin) {
  if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin)
  if (varyOrigin) appendVary(headers, 'Origin')
  if (policyHeaders.allowCredentials) headers.set('Access-Control-Allow-Credentials', policyHeaders.allowCredentials)
  if (policyHeaders.exposeHeaders) headers.set('Access-Control-Expose-Headers', policyHeaders.exposeHeaders)
}

function setPreflightHeaders(headers, policyHeaders, allowOrigin, varyOrigin, requestHeaders) {
  const reflect = policyHeaders.reflectRequestHeaders
  if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin)
  if (varyOrigin) appendVary(headers, 'Origin')
  if (reflect) appendVary(headers, 'Access-Control-Request-Headers')
  if (policyHeaders.allowCredentials) headers.set('Access-Control-Allow-Credentials', policyHeaders.allowCredentials)
  if (policyHeaders.allowMethods) headers.set('Access-Control-Allow-Methods', policyHeaders.allowMethods)
  const allowHeaders = reflect ? requestHeaders : policyHeaders.allowHeaders
  if (allowHeaders) headers.set('Access-Control-Allow-Headers', allowHeaders)
  if (policyHeaders.maxAge) headers.set('Access-Control-Max-Age', policyHeaders.maxAge)
  if (policyHeaders.exposeHeaders) headers.set('Access-Control-Expose-Headers', policyHeaders.exposeHeaders)
}

module.exports = { setActualHeaders, setPreflightHeaders, appendVary }
