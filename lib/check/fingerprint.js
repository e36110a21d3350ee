'use strict'
// Recognises the server's CORS layer from what it sent, so fixes can be written in its own
// configuration language. Every sign was seen on a real server (research/fetch-cors.md and the
// servers of __test__/check/). A strong sign names one stack; a weak one is shared with other
// stacks or easy to change, so one weak sign alone gives `confidence: 'low'`.
const { headerValue: lookup } = require('./http')

const value = (r, name) => lookup(r.headers, name) ?? ''
const contentType = (r) => value(r, 'content-type')
const methodsHeader = (r) => r.headers.find(([name]) => name.toLowerCase() === 'access-control-allow-methods')
const defaultMethods = (list) => (r) => value(r, 'access-control-allow-methods') === list
const position = (r, name) => r.headers.findIndex(([n]) => n.toLowerCase() === name)

// Node writes the names as the application set them; a Web Response (Hono's node-server,
// Next.js, cors-native/fetch) hands them over lower-cased and sorted, Fastify lower-cased in
// the order it set them. The server adds the framing headers after them.
const appHeaderNames = (r) => r.headers.map(([name]) => name).filter((name) => !/^(date|connection|keep-alive|transfer-encoding|content-length)$/i.test(name))
const lowerCase = (names) => names.length >= 2 && names.every((name) => name === name.toLowerCase())
const sorted = (names) => names.every((name, i) => i === 0 || names[i - 1] <= name)
const webResponse = (r) => lowerCase(appHeaderNames(r)) && sorted(appHeaderNames(r))
const before = (r, first, second) => position(r, first) !== -1 && position(r, first) < position(r, second)

const STRONG = 2
const WEAK = 1

const STACKS = [
  {
    name: 'starlette',
    label: 'FastAPI / Starlette (CORSMiddleware)',
    signs: [
      [STRONG, (r) => /^Disallowed CORS (origin|method|headers)/.test(r.body), 'refusal text "Disallowed CORS ..."'],
      [STRONG, (r) => r.preflight && r.body === 'OK' && /access-control-request-private-network/i.test(value(r, 'vary')), 'preflight body "OK" with Vary listing Access-Control-Request-Private-Network'],
      [STRONG, (r) => /^(uvicorn|hypercorn)/i.test(value(r, 'server')), 'Server: uvicorn'],
    ],
  },
  {
    name: 'django-cors-headers',
    label: 'Django (django-cors-headers)',
    signs: [
      [STRONG, (r) => value(r, 'access-control-allow-headers').includes('x-csrftoken'), 'Access-Control-Allow-Headers lists x-csrftoken (its default)'],
      [STRONG, (r) => /CSRF verification failed/.test(r.body), 'Django CSRF failure page'],
      [STRONG, (r) => /^WSGIServer\/.*CPython/.test(value(r, 'server')) || (value(r, 'cross-origin-opener-policy') === 'same-origin' && value(r, 'x-frame-options') === 'DENY'), 'Django security headers'],
    ],
  },
  {
    name: 'flask-cors',
    label: 'Flask (Flask-CORS)',
    signs: [
      [STRONG, defaultMethods('DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'), 'Flask-CORS\'s default Access-Control-Allow-Methods'],
      [STRONG, (r) => /^Werkzeug\//.test(value(r, 'server')), 'Server: Werkzeug (Flask\'s server)'],
      [WEAK, (r) => /^<!doctype html>\n<html lang=en>\n<title>\d{3} /.test(r.body), 'Werkzeug\'s HTML error page'],
    ],
  },
  {
    name: 'next',
    label: 'Next.js',
    signs: [
      [STRONG, (r) => /next\.js/i.test(value(r, 'x-powered-by')), 'X-Powered-By: Next.js'],
      [STRONG, (r) => r.headers.some(([name, v]) => name.toLowerCase() === 'vary' && /next-router-state-tree/i.test(v)), 'Vary lists Next-Router-State-Tree'],
      [WEAK, (r) => methodsHeader(r)?.[0] === 'access-control-allow-methods' && defaultMethods('GET,HEAD,PUT,PATCH,POST,DELETE')(r) && webResponse(r), 'cors\'s default methods in a Web Response (cors-native/next, as in proxy.ts)'],
    ],
  },
  {
    name: 'fastify',
    label: 'Fastify (@fastify/cors)',
    signs: [
      [STRONG, (r) => /^\{"(statusCode|message)":.*"error":/.test(r.body) && /"statusCode":\d{3}/.test(r.body), 'Fastify\'s JSON error body'],
      [WEAK, defaultMethods('GET,HEAD,POST'), '@fastify/cors\'s default Access-Control-Allow-Methods'],
      [WEAK, (r) => lowerCase(appHeaderNames(r)) && !sorted(appHeaderNames(r)), 'lower-case header names in the order they were set (a Fastify reply)'],
      [WEAK, (r) => r.headers[0]?.[0] === 'vary' && before(r, 'vary', 'access-control-allow-origin'), 'vary written first, then access-control-allow-origin (@fastify/cors\'s order)'],
      [WEAK, (r) => r.headers.some(([name, v]) => name === 'content-type' && v === 'application/json; charset=utf-8'), 'a lower-case content-type: application/json; charset=utf-8 (Fastify\'s JSON reply)'],
    ],
  },
  {
    name: 'hono',
    label: 'Hono (hono/cors)',
    signs: [
      [STRONG, defaultMethods('GET,HEAD,PUT,POST,DELETE,PATCH,QUERY'), 'hono/cors\'s default Access-Control-Allow-Methods'],
      [STRONG, (r) => r.body === '404 Not Found' && contentType(r) === 'text/plain; charset=UTF-8', 'Hono\'s "404 Not Found"'],
      [WEAK, (r) => r.body === 'Internal Server Error' && contentType(r) === 'text/plain; charset=UTF-8', 'Hono\'s "Internal Server Error"'],
      [WEAK, (r) => webResponse(r) && position(r, 'access-control-allow-origin') !== -1, 'CORS headers in a Web Response (Hono on @hono/node-server)'],
    ],
  },
  {
    name: 'koa',
    label: 'Koa (@koa/cors)',
    signs: [
      [STRONG, defaultMethods('GET,HEAD,PUT,POST,DELETE,PATCH'), '@koa/cors\'s default Access-Control-Allow-Methods'],
      [WEAK, (r) => r.headers.some(([name]) => name === 'Vary') && before(r, 'vary', 'access-control-allow-origin') && !value(r, 'x-powered-by'), 'Vary written before Access-Control-Allow-Origin (@koa/cors\'s order)'],
      [WEAK, (r) => r.status >= 400 && /^(Not Found|Method Not Allowed|Internal Server Error|Unauthorized)$/.test(r.body) && contentType(r) === 'text/plain; charset=utf-8', 'a bare status text body (Koa\'s default error answer)'],
    ],
  },
  {
    name: 'express',
    label: 'Express (cors or cors-native)',
    signs: [
      [STRONG, (r) => /^express$/i.test(value(r, 'x-powered-by')), 'X-Powered-By: Express'],
      [WEAK, (r) => methodsHeader(r)?.[0] === 'Access-Control-Allow-Methods' && defaultMethods('GET,HEAD,PUT,PATCH,POST,DELETE')(r), 'the cors package\'s default Access-Control-Allow-Methods'],
    ],
  },
  {
    name: 'nginx',
    label: 'nginx (add_header)',
    signs: [
      [STRONG, (r) => /^nginx\b/.test(value(r, 'server')), 'Server: nginx'],
      [WEAK, (r) => /<hr><center>nginx[^<]*<\/center>/.test(r.body), 'nginx\'s HTML error page'],
    ],
  },
]

/**
 * `responses`: `[{ preflight, status, headers, body }]`. Returns `{ name, label, confidence:
 * 'high' | 'low', evidence }` for the stack with the most evidence (the first listed on a tie),
 * or null when nothing matches; 'high' takes a strong sign or two weak ones.
 */
function fingerprint(responses) {
  let best = null
  for (const stack of STACKS) {
    const found = stack.signs.filter(([, test]) => responses.some((r) => test(r)))
    const score = found.reduce((sum, [weight]) => sum + weight, 0)
    if (score > (best?.score ?? 0)) best = { stack, found, score }
  }
  if (!best) return null
  const { stack, found } = best
  return { name: stack.name, label: stack.label, confidence: best.score >= STRONG ? 'high' : 'low', evidence: found.map(([, , why]) => why) }
}

module.exports = { fingerprint }
