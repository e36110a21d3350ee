'use strict'
// What every playground server answers with: JSON, the security headers, and the Host check.

// Everything the page loads comes from itself: no CDN, no inline script.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; connect-src 'self' http://127.0.0.1:*; frame-src http://127.0.0.1:*; frame-ancestors 'self' http://127.0.0.1:*",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS })
  res.end(JSON.stringify(value))
}

// A DNS-rebinding page reaches us under its own host name; only our own address is served.
function hostIsOurs(req, port) {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`
}

module.exports = { SECURITY_HEADERS, sendJson, hostIsOurs }
