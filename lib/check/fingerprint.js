'use strict'
// Recognises the server's CORS layer from what it sent, so fixes can be written in its own
// configuration language. Signs observed on real servers (research/fetch-cors.md).

const { headerValue: lookup } = require('./http')

const SERVERS = [
  {
    name: 'starlette',
    label: 'FastAPI / Starlette (CORSMiddleware)',
    signs: [
      [(r) => /^Disallowed CORS (origin|method|headers)/.test(r.body), 'refusal text "Disallowed CORS ..."'],
      [(r) => r.preflight && r.body === 'OK' && /access-control-request-private-network/i.test(lookup(r.headers, 'vary') ?? ''), 'preflight body "OK" with Vary listing Access-Control-Request-Private-Network'],
      [(r) => /^uvicorn|^hypercorn/i.test(lookup(r.headers, 'server') ?? ''), 'Server: uvicorn'],
    ],
  },
  {
    name: 'django-cors-headers',
    label: 'Django (django-cors-headers)',
    signs: [
      [(r) => (lookup(r.headers, 'access-control-allow-headers') ?? '').includes('x-csrftoken'), 'Access-Control-Allow-Headers lists x-csrftoken (its default)'],
      [(r) => /CSRF verification failed/.test(r.body), 'Django CSRF failure page'],
      [(r) => /^WSGIServer\/.*CPython/.test(lookup(r.headers, 'server') ?? '') || (lookup(r.headers, 'cross-origin-opener-policy') === 'same-origin' && lookup(r.headers, 'x-frame-options') === 'DENY'), 'Django security headers'],
    ],
  },
  {
    name: 'next',
    label: 'Next.js',
    signs: [
      [(r) => /next\.js/i.test(lookup(r.headers, 'x-powered-by') ?? ''), 'X-Powered-By: Next.js'],
      [(r) => /next-router-state-tree/i.test(lookup(r.headers, 'vary') ?? ''), 'Vary lists Next-Router-State-Tree'],
    ],
  },
  {
    name: 'express',
    label: 'Express (cors or cors-native)',
    signs: [
      [(r) => /^express$/i.test(lookup(r.headers, 'x-powered-by') ?? ''), 'X-Powered-By: Express'],
      [(r) => lookup(r.headers, 'access-control-allow-methods') === 'GET,HEAD,PUT,PATCH,POST,DELETE', 'the cors package\'s default Access-Control-Allow-Methods'],
    ],
  },
]

/** `responses`: `[{ preflight, headers, body }]`. Returns `{ name, label, evidence }` or null. */
function fingerprint(responses) {
  for (const server of SERVERS) {
    const evidence = server.signs.filter(([test]) => responses.some((r) => test(r))).map(([, why]) => why)
    if (evidence.length) return { name: server.name, label: server.label, evidence }
  }
  return null
}

module.exports = { fingerprint }
