'use strict'
// Minimal req/res objects for edge cases that need no network (header names lower-cased);
// the real-HTTP proofs are the differential, hostile-requests and browser tests.

/** Runs an Express-style middleware once; `{ headers, status, nextArgs }`. */
function runMiddleware(middleware, method, requestHeaders) {
  const headers = {}
  const res = {
    statusCode: 200,
    getHeader: (name) => headers[name.toLowerCase()],
    setHeader: (name, value) => { headers[name.toLowerCase()] = value },
    end() {},
  }
  let nextArgs
  middleware({ method, headers: requestHeaders }, res, (...args) => (nextArgs = args))
  return { headers, status: res.statusCode, nextArgs }
}

module.exports = { runMiddleware }
