'use strict'
// cors-native/next: cors-native/fetch plus what is specific to Next.js: the errors Next.js
// throws for control flow pass through, and `proxy` for proxy.ts (middleware.ts in Next 15).
const { createFetchCors, checkRequest } = require('./fetch')

// Next.js signals redirect(), notFound() and dynamic rendering by throwing errors that carry a
// string `digest`; they are control flow for Next to handle, not failures.
function isNextControlFlow(error) {
  return error !== null && typeof error === 'object' && typeof error.digest === 'string'
}

/**
 * Creates the helpers for one policy. `options` are cors options, or a delegate
 * `(request, callback) => callback(error, options)` receiving the Web Request.
 */
function createCors(options) {
  const cors = createFetchCors(options, isNextControlFlow)

  /**
   * For proxy.ts (or middleware.ts on the Node.js runtime): answers preflights, and adds the
   * headers to `next`, the response that lets the request through (pass `NextResponse.next()`).
   */
  function proxy(request, next) {
    checkRequest(request, 'proxy(request, next)')
    if (!(next instanceof Response)) {
      return Promise.reject(new TypeError('cors-native: proxy(request, next): next must be a Response; pass NextResponse.next()'))
    }
    return cors.decorate(request, next)
  }

  return { ...cors, OPTIONS: cors.preflight, proxy }
}

module.exports = { createCors }
