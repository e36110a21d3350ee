'use strict'
// The model's patch for a blocked request, written in the recognised server's own
// configuration, or in HTTP terms when the server is not recognised for sure. Minimal (the
// patch's lists keep what the server sends; only what changes is named) and safe (never
// `null`, never `*` or a reflected origin with credentials, origin advice is conditional).
const { wanted } = require('./words')
const { headerValue } = require('../http')
const node = require('./node')
const python = require('./python')
const { nginx } = require('./nginx')

const RENDER = { ...node, ...python, nginx }

// Problems whose fix is known for a stack, whatever the verdict says.
const SPECIAL = {
  starlette: {
    'server-error': 'an unhandled exception gives a 500 from ServerErrorMiddleware, outside CORSMiddleware, so it has no CORS headers: fix the exception, or catch it with an exception handler that returns a JSONResponse',
    'wildcard-with-credentials': 'allow_origins=["*"] with allow_credentials=True echoes every origin (null too): list the real origins in allow_origins',
  },
  'django-cors-headers': {
    csrf: 'CORS passed; Django\'s CSRF check refused it: add the origin to CSRF_TRUSTED_ORIGINS and send the csrftoken cookie\'s value in an X-CSRFToken header (or mark the view @csrf_exempt if it uses no cookie auth)',
    'literal-wildcard': 'with CORS_ALLOW_CREDENTIALS = True, CORS_ALLOW_METHODS/CORS_ALLOW_HEADERS = ["*"] are sent as a literal * that browsers do not expand: list them, e.g. CORS_ALLOW_METHODS = (*default_methods,)',
  },
  next: {
    'forgotten-options': 'Next.js answered the OPTIONS preflight itself (204 with an Allow header, no CORS headers): add export const OPTIONS = cors.OPTIONS to this route, or handle /api/* preflights in proxy.ts',
    'method-not-allowed': 'the route exports no handler for this method, and Next.js\'s 405 carries no CORS headers: export the handler wrapped with cors.wrap',
  },
}

/** `method` as the model says fetch() sends it: one left in lower case was not upper-cased by fetch(). */
function pageMethodFix(method, allowMethods) {
  const upper = method.toUpperCase()
  if (method === upper) return null
  const allowed = (allowMethods ?? '').split(',').some((m) => m.trim() === upper)
  return `the page sends '${method}' as written (fetch() does not upper-case it) and methods match exactly: write method: '${upper}' in the page${allowed ? `; the server already allows ${upper}` : `, and allow ${upper} on the server`}`
}

/** The HTTP form: the model's own words for its patch, made conditional when it names the page's origin. */
function generic(w, fixed) {
  const conditional = w.origin && w.failure !== 'wildcard-with-credentials' && w.failure !== 'multiple-allow-origin'
  return conditional ? `if ${w.origin} should be allowed: ${fixed.text}` : fixed.text
}

/**
 * `server`: the fingerprint or null; `blocked`: the first blocking verdict (or null);
 * `problems`: codes already found; `exchange`: what Chromium's walk sent and received;
 * `fixed`: the model's patch (`{ patch, verdicts, blocker, text }`, null when allowed).
 * Returns `{ stack, text }` (stack null for the HTTP form), or null when there is nothing to fix.
 */
function serverFix(server, { asked, blocked, problems, exchange, fixed }) {
  const stack = server?.confidence === 'high' ? server.name : null
  const special = SPECIAL[stack] ?? {}
  for (const code of problems) if (special[code]) return { stack, text: special[code] }
  if (!blocked) return null
  // Only the request can change (it carries Origin: null): the model says how.
  if (fixed.blocker || fixed.patch.length === 0) return { stack: null, text: fixed.text }
  if (blocked.failure === 'wildcard-with-credentials' && special[blocked.failure]) return { stack, text: special[blocked.failure] }
  if (blocked.failure === 'method-not-allowed') {
    const preflight = blocked.hop === null ? exchange.preflight : exchange.responses[blocked.hop]?.preflight
    const page = pageMethodFix(asked.requestMethod, headerValue(preflight?.headers ?? [], 'access-control-allow-methods'))
    if (page) return { stack: null, text: page }
  }
  const w = wanted(fixed.patch, exchange, blocked)
  if (stack && RENDER[stack]) {
    const maybeHandWritten = stack === 'next' && !server.evidence.some((why) => why.includes('cors-native')) && !/^GET,HEAD,PUT,PATCH,POST,DELETE$/.test(headerValue(exchange.preflight?.headers ?? [], 'access-control-allow-methods') ?? '')
    const text = RENDER[stack](w, { maybeHandWritten })
    if (text) return { stack, text }
  }
  return { stack: null, text: generic(w, fixed) }
}

module.exports = { serverFix }
