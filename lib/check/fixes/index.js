'use strict'
// The fix for a blocked request, written in the recognised server's own configuration, or in
// HTTP terms when the server is not recognised for sure. Minimal (lists are extended, never
// replaced) and safe (never `null`, never `*` or a reflected origin with credentials).
const { patchFor } = require('./patch')
const { wanted, originAdvice, sentence } = require('./words')
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

const NULL_ORIGIN = 'the page\'s origin is null (a sandboxed iframe, a file: or data: page): allowing null would allow every page that can be made null, so serve the page from an http(s) origin and allow that one'

/** `method` as the model says fetch() sends it: one left in lower case was not upper-cased by fetch(). */
function pageMethodFix(method, allowMethods) {
  const upper = method.toUpperCase()
  if (method === upper) return null
  const allowed = (allowMethods ?? '').split(',').some((m) => m.trim() === upper)
  return `the page sends '${method}' as written (fetch() does not upper-case it) and methods match exactly: write method: '${upper}' in the page${allowed ? `; the server already allows ${upper}` : `, and allow ${upper} on the server`}`
}

function generic(w) {
  const headers = [
    w.origin && `Access-Control-Allow-Origin: ${w.origin}`,
    w.credentials && 'Access-Control-Allow-Credentials: true',
    w.methods && `Access-Control-Allow-Methods: ${w.methods.join(', ')}`,
    w.headers && `Access-Control-Allow-Headers: ${w.headers.join(', ')}`,
  ].filter(Boolean)
  const what = w.step === 'preflight' ? 'the answer to the preflight (OPTIONS)' : w.step === 'redirect' ? 'the redirect' : 'the response'
  return sentence([
    w.status && `the preflight (OPTIONS) got ${w.answerStatus}: answer it with ${w.status} in the CORS layer, before authentication, routing or the framework answer it (browsers send no credentials on it)`,
    headers.length && `${what} must carry ${headers.join(', ')}${w.answerStatus >= 400 && w.step !== 'preflight' ? ` (error answers too: this one is ${w.answerStatus})` : ''}`,
    originAdvice(w, 'the list of origins the server answers'),
  ])
}

/**
 * `server`: the fingerprint or null; `blocked`: the first blocking verdict (or null);
 * `problems`: codes already found; `exchange`: what Chromium's walk sent and received.
 * Returns `{ stack, text }` (stack null for the HTTP form), or null when there is nothing to fix.
 */
function serverFix(server, { request, asked, blocked, problems, exchange }) {
  const stack = server?.confidence === 'high' ? server.name : null
  const special = SPECIAL[stack] ?? {}
  for (const code of problems) if (special[code]) return { stack, text: special[code] }
  if (!blocked) return null
  if (request.origin === 'null') return { stack: null, text: NULL_ORIGIN }
  if (blocked.failure === 'wildcard-with-credentials' && special[blocked.failure]) return { stack, text: special[blocked.failure] }
  if (blocked.failure === 'method-not-allowed') {
    const preflight = blocked.hop === null ? exchange.preflight : exchange.responses[blocked.hop]?.preflight
    const page = pageMethodFix(asked.requestMethod, headerValue(preflight?.headers ?? [], 'access-control-allow-methods'))
    if (page) return { stack: null, text: page }
  }
  const { patch, answer } = patchFor(request, asked, blocked, exchange)
  const w = wanted(patch, answer, blocked)
  if (stack && RENDER[stack]) {
    const handWritten = stack === 'next' && !server.evidence.some((why) => why.includes('cors-native')) && !/^GET,HEAD,PUT,PATCH,POST,DELETE$/.test(headerValue(answer?.headers ?? [], 'access-control-allow-methods') ?? '')
    const text = RENDER[stack](w, { handWritten })
    if (text) return { stack, text }
  }
  const text = generic(w)
  return text ? { stack: null, text } : null
}

module.exports = { serverFix }
