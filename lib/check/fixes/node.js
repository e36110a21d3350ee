'use strict'
// Fixes in the words of the Node.js CORS layers: cors and cors-native on Express,
// cors-native/next (or hand-written headers) on Next.js, @fastify/cors, hono/cors, @koa/cors.
// Each names only the options to change; every other option stays as it is.
const { originAdvice, jsObject, lists, sentence } = require('./words')

/** `call` with the options to set, in the option names of `names` ({ credentials, methods, headers }). */
function withOptions(w, call, names, optionName = '`origin`') {
  const { set, add } = lists(w, names)
  const options = jsObject([[names.credentials, w.credentials || null], ...set])
  return sentence([
    options && `keep your other options and set ${call.replace('OPTIONS', options)}`,
    add,
    originAdvice(w, optionName),
  ])
}

const refusedPreflight = (w) => w.step === 'preflight' && (w.answerStatus === 401 || w.answerStatus === 403)

const CORS_NAMES = { credentials: 'credentials', methods: 'methods', headers: 'allowedHeaders' }

function express(w) {
  if (!w.corsRan) return sentence([originAdvice(w, '`origin`'), 'cors() did not run for this answer: app.use(cors(options)) must come before the routes and before any authentication (cors and cors-native answer the preflight themselves)'])
  return withOptions(w, '`cors(OPTIONS)`', CORS_NAMES)
}

const CREATE_CORS = '`createCors(OPTIONS)` (cors-native/next; the same options for the routes and proxy.ts)'

// Without cors's default methods in the preflight, the answers cannot tell createCors from
// headers written by hand: the fix is given for both.
function next(w, { maybeHandWritten }) {
  if (maybeHandWritten) {
    const headers = jsObject([
      ['Access-Control-Allow-Origin', w.origin],
      ['Access-Control-Allow-Credentials', w.credentials ? 'true' : null],
      ['Access-Control-Allow-Methods', w.methods?.join(', ')],
      ['Access-Control-Allow-Headers', w.headers?.join(', ')],
    ])
    const options = withOptions(w, CREATE_CORS, CORS_NAMES)
    return sentence([
      options && `with createCors from cors-native/next: ${options}`,
      `with CORS headers written by hand: ${w.step === 'preflight' ? 'export an OPTIONS handler that answers 204 with' : 'add to the response'} \`headers: ${headers}\`${w.origin ? ` (only when ${w.origin} should be allowed; never echo any origin)` : ''}`,
    ])
  }
  if (!w.corsRan) return 'cors-native/next did not answer: wrap the handler with cors.wrap and export const OPTIONS = cors.OPTIONS in the route, or add the path to the matcher of proxy.ts where cors.proxy answers'
  return withOptions(w, CREATE_CORS, CORS_NAMES)
}

function fastify(w) {
  if (refusedPreflight(w)) return 'a hook registered before @fastify/cors refused the preflight (browsers send no credentials on it): register @fastify/cors before the authentication hook, so its onRequest hook answers the preflight first'
  if (!w.corsRan) {
    return sentence(['@fastify/cors did not run for this answer: register it (`await app.register(cors, options)`) on the instance that serves this URL, before the routes; answers from Fastify\'s not-found handler outside that scope get no CORS headers', originAdvice(w, '`origin`')])
  }
  if (w.step === 'preflight' && w.answerStatus === 404) return 'the origin function answered false, so @fastify/cors left the preflight to the not-found handler (404): if the page\'s origin should be allowed, make the origin function accept it'
  return withOptions(w, '`await app.register(cors, OPTIONS)`', CORS_NAMES)
}

function hono(w) {
  if (!w.corsRan) return 'hono/cors did not run for this answer: `app.use(\'/path/*\', cors(options))` must be registered before the routes it covers, with a path that matches this URL'
  const origin = w.was && w.was !== '*' && w.failure === 'allow-origin-mismatch' && !w.typo
    ? `the origin option answered '${w.was}' for this page: if ${w.origin} should be allowed, return it from the origin function (origin: (origin) => allowed.includes(origin) ? origin : null)`
    : null
  return sentence([
    withOptions({ ...w, origin: origin ? null : w.origin }, '`cors(OPTIONS)`', { credentials: 'credentials', methods: 'allowMethods', headers: 'allowHeaders' }),
    origin,
  ])
}

function koa(w) {
  if (!w.corsRan) {
    if (w.step === 'preflight') return '@koa/cors did not answer the preflight: mount app.use(cors(options)) before the router, and if an origin function decides, make it return the origin (not \'\') when the page\'s origin should be allowed'
    if (w.answerStatus >= 400) return 'the error answer lost the CORS headers: remove keepHeadersOnError: false from the @koa/cors options (true keeps them on errors), and fix the error'
    return '@koa/cors did not run for this answer: mount app.use(cors(options)) before the router'
  }
  return withOptions(w, '`app.use(cors(OPTIONS))`', { credentials: 'credentials', methods: 'allowMethods', headers: 'allowHeaders' }, '`origin` (a string, or a function of ctx returning the allowed origin)')
}

module.exports = { express, next, fastify, hono, koa }
