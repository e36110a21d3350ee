'use strict'
// Fixes in the words of the Python CORS layers: Starlette's CORSMiddleware (FastAPI),
// django-cors-headers and Flask-CORS. Each names only the settings to change.
const { originAdvice, lists, py, sentence } = require('./words')

/** `call` with the keyword arguments to set, in the names of `names` ({ credentials, methods, headers }). */
function withArguments(w, call, names, originName) {
  const { set, add } = lists(w, names, JSON.stringify)
  const keywords = [w.credentials && `${names.credentials}=True`, ...set.map(([name, values]) => `${name}=${py(values)}`)].filter(Boolean)
  return sentence([
    keywords.length && `keep your other arguments and set \`${call.replace('ARGUMENTS', keywords.join(', '))}\``,
    add,
    originAdvice(w, originName),
  ])
}

// Starlette adds these to every Access-Control-Allow-Headers it sends (middleware/cors.py).
const STARLETTE_ADDED_HEADERS = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type']

function starlette(w) {
  const headers = w.headers && w.headers.filter((name) => !STARLETTE_ADDED_HEADERS.includes(name))
  return withArguments({ ...w, headers }, 'app.add_middleware(CORSMiddleware, ARGUMENTS)', { credentials: 'allow_credentials', methods: 'allow_methods', headers: 'allow_headers' }, '`allow_origins`')
}

function django(w) {
  const set = [
    w.credentials && 'CORS_ALLOW_CREDENTIALS = True',
    w.methods && `CORS_ALLOW_METHODS = (*default_methods, ${w.methods.filter((m) => !DJANGO_METHODS.includes(m)).map((m) => JSON.stringify(m)).join(', ')})`,
    w.headers && `CORS_ALLOW_HEADERS = (*default_headers, ${w.headers.filter((h) => !DJANGO_HEADERS.includes(h.toLowerCase())).map((h) => JSON.stringify(h.toLowerCase())).join(', ')})`,
  ].filter(Boolean)
  const imports = [w.headers && 'default_headers', w.methods && 'default_methods'].filter(Boolean)
  return sentence([
    set.length && `in settings.py set \`${set.join('; ')}\`${imports.length ? ` (from corsheaders.defaults import ${imports.join(', ')})` : ''}`,
    originAdvice(w, '`CORS_ALLOWED_ORIGINS`'),
    !w.corsRan && '"corsheaders.middleware.CorsMiddleware" must be high in MIDDLEWARE, above anything that answers',
  ])
}
// django-cors-headers 4.9's defaults (corsheaders/defaults.py).
const DJANGO_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT']
const DJANGO_HEADERS = ['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with']

function flask(w) {
  if (w.step === 'preflight' && (w.answerStatus === 401 || w.answerStatus === 403)) return 'a before_request check refused the preflight (browsers send no credentials on it): let OPTIONS through before authenticating (if request.method == "OPTIONS": return None), so Flask-CORS answers it'
  if (!w.corsRan) {
    if (w.answerStatus >= 300 && w.answerStatus < 400) return 'Flask redirected to the URL with a trailing slash, and that redirect has no CORS headers: call the final URL, or declare the route without the trailing slash (strict_slashes=False)'
    // Flask-CORS sends nothing to an origin it refuses, as on a route it does not cover.
    return sentence([originAdvice(w, '`origins`'), 'if it is listed, Flask-CORS does not cover this URL: CORS(app, ...) covers every route and Flask\'s own errors, CORS(blueprint, ...) only that blueprint\'s routes'])
  }
  return withArguments(w, 'CORS(app, ARGUMENTS)', { credentials: 'supports_credentials', methods: 'methods', headers: 'allow_headers' }, '`origins`')
}

module.exports = { starlette, 'django-cors-headers': django, 'flask-cors': flask }
