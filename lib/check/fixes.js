'use strict'
// The fix for a blocked request, written in the recognised server's own configuration.
const { safelistedMethods } = require('../browser/model')

const py = (values) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`
const js = (values) => `[${values.map((v) => `'${v}'`).join(', ')}]`

/** What each stack's configuration needs to allow this request. */
const CONFIG = {
  express: ({ origin, method, headers, include }) =>
    `app.use(cors({ origin: ${js([origin])}${include ? ', credentials: true' : ''}${method ? `, methods: ${js([...safelistedMethods(), method])}` : ''}${headers.length ? `, allowedHeaders: ${js(headers)}` : ''} })) before the routes (cors or cors-native)`,
  next: ({ origin, include }) =>
    `createCors({ origin: ${js([origin])}${include ? ', credentials: true' : ''} }) from cors-native/next; wrap each handler with cors.wrap and export const OPTIONS = cors.OPTIONS in the route (or answer preflights in proxy.ts with cors.proxy)`,
  starlette: ({ origin, method, headers, include }) =>
    `app.add_middleware(CORSMiddleware, allow_origins=${py([origin])}${include ? ', allow_credentials=True' : ''}, allow_methods=${py(method ? ['GET', 'POST', method] : ['GET', 'POST'])}${headers.length ? `, allow_headers=${py(headers)}` : ''})`,
  'django-cors-headers': ({ origin, method, headers, include }) =>
    `in settings.py: CORS_ALLOWED_ORIGINS = ${py([origin])}${include ? '; CORS_ALLOW_CREDENTIALS = True' : ''}${method ? `; CORS_ALLOW_METHODS = (*default_methods, ${JSON.stringify(method)})` : ''}${headers.length ? `; CORS_ALLOW_HEADERS = (*default_headers, ${headers.map((h) => JSON.stringify(h)).join(', ')})` : ''} (from corsheaders.defaults import default_headers, default_methods), and "corsheaders.middleware.CorsMiddleware" high in MIDDLEWARE`,
}

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

/**
 * `server`: the fingerprint name; `blocked`: the first blocking verdict (or null);
 * `problems`: codes already found. Returns a sentence, or null when there is nothing to fix.
 */
function serverFix(server, { request, asked, blocked, problems }) {
  if (!server) return null
  const special = SPECIAL[server] ?? {}
  for (const code of problems) if (special[code]) return special[code]
  if (!blocked) return null
  if (blocked.failure === 'wildcard-with-credentials' && special[blocked.failure]) return special[blocked.failure]
  const include = request.credentials === 'include'
  const method = asked.requestMethodSafelisted ? null : asked.requestMethod
  return CONFIG[server]({ origin: request.origin, method, headers: asked.requestHeaders, include })
}

module.exports = { serverFix }
