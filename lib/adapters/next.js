'use strict'
// cors-native/next: cors-native/fetch plus what is specific to Next.js: the errors Next.js
// throws for control flow, and `proxy` for proxy.ts (middleware.ts in Next 15).
const { createFetchCors, checkRequest } = require('./fetch')
const { noteProxied } = require('../pipeline/layers')

// next/navigation's redirect(), permanentRedirect(), notFound() (and forbidden(), unauthorized())
// throw an error whose string `digest` holds the answer: `NEXT_REDIRECT;<type>;<url>;<status>;`
// or `NEXT_HTTP_ERROR_FALLBACK;<status>`. Next.js turns it into that response outside the
// wrapper, with no CORS headers; read the same way Next.js reads it, it gets them here. Other
// digests (dynamic rendering bail-outs) are Next's to handle and are rethrown.
const REDIRECT_STATUSES = new Set([303, 307, 308])
const FALLBACK_STATUSES = new Set([401, 403, 404])

function controlFlowResponse(error) {
  if (error === null || typeof error !== 'object' || typeof error.digest !== 'string') return null
  const parts = error.digest.split(';')
  if (parts[0] === 'NEXT_REDIRECT' && (parts[1] === 'replace' || parts[1] === 'push')) {
    const status = Number(parts.at(-2))
    if (REDIRECT_STATUSES.has(status)) return new Response(null, { status, headers: { Location: parts.slice(2, -2).join(';') } })
  }
  const fallback = Number(parts[1])
  if (parts[0] === 'NEXT_HTTP_ERROR_FALLBACK' && FALLBACK_STATUSES.has(fallback)) return new Response(null, { status: fallback })
  throw error
}

/**
 * Creates the helpers for one policy. `options` are cors options, or a delegate
 * `(request, callback) => callback(error, options)` receiving the Web Request.
 */
function createCors(options) {
  const { pipeline, helpers: cors } = createFetchCors(options, controlFlowResponse)

  /**
   * For proxy.ts (or middleware.ts on the Node.js runtime): answers preflights, and adds the
   * headers to `next`, the response that lets the request through (pass `NextResponse.next()`).
   */
  function proxy(request, next) {
    checkRequest(request, 'proxy(request, next)')
    if (!(next instanceof Response)) {
      return Promise.reject(new TypeError('cors-native: proxy(request, next): next must be a Response; pass NextResponse.next()'))
    }
    return cors.decorate(request, next).then((response) => {
      noteProxied(pipeline, request)
      return response
    })
  }

  return { ...cors, OPTIONS: cors.preflight, proxy }
}

module.exports = { createCors }
