'use strict'
// Scenarios about the policy's options: origins, methods, headers, credentials, preflight
// handling. The fields are described in ./index.js.

const LIST = ({ page }) => ({ origin: [page, 'https://app.example.com'] })

const scenarios = [
  { name: 'simple GET, allowed origin', options: LIST, init: {}, expect: 'ok' },
  { name: 'simple GET, refused origin', options: () => ({ origin: ['https://app.example.com'] }), init: {}, expect: 'blocked' },
  { name: 'simple POST, allowed origin', options: LIST, init: { method: 'POST', body: 'hello' }, expect: 'ok' },
  { name: 'simple POST, refused origin', options: () => ({ origin: ['https://app.example.com'] }), init: { method: 'POST', body: 'hello' }, expect: 'blocked' },
  { name: 'JSON PUT through a preflight', options: LIST, init: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' }, expect: 'ok' },
  { name: 'DELETE through a preflight', options: LIST, init: { method: 'DELETE' }, expect: 'ok' },
  { name: 'PATCH through a preflight', options: LIST, init: { method: 'PATCH', body: 'x' }, expect: 'ok' },
  { name: 'unlisted method', options: ({ page }) => ({ origin: [page], methods: ['GET', 'POST'] }), init: { method: 'PATCH', body: 'x' }, expect: 'blocked' },
  { name: 'allowed custom header', options: ({ page }) => ({ origin: [page], allowedHeaders: ['X-Api-Key'] }), init: { headers: { 'X-Api-Key': 'k' } }, expect: 'ok' },
  { name: 'unlisted custom header', options: ({ page }) => ({ origin: [page], allowedHeaders: ['X-Api-Key'] }), init: { headers: { 'X-Other': 'k' } }, expect: 'blocked' },
  { name: 'custom header reflected (allowedHeaders unset)', options: LIST, init: { headers: { 'X-Anything': 'k' } }, expect: 'ok' },
  { name: 'exposed header readable', options: ({ page }) => ({ origin: [page], exposedHeaders: ['X-Total-Count'] }), init: {}, expect: 'ok', reads: { 'x-total-count': '42' } },
  { name: 'unexposed header hidden', options: LIST, init: {}, expect: 'ok', reads: { 'x-total-count': null } },
  { name: 'credentialed fetch, echoed origin with credentials', options: ({ page }) => ({ origin: [page], credentials: true }), init: { credentials: 'include' }, expect: 'ok', received: { cookie: 'session=abc' } },
  { name: 'credentialed fetch with *', options: () => ({ origin: '*', credentials: true }), init: { credentials: 'include' }, expect: 'blocked' },
  { name: 'credentialed fetch without credentials: true', options: LIST, init: { credentials: 'include' }, expect: 'blocked' },
  { name: 'reflect any origin', options: () => ({ origin: true }), init: {}, expect: 'ok' },
  { name: 'reflect any origin, credentialed', options: () => ({ origin: true, credentials: true }), init: { credentials: 'include' }, expect: 'ok' },
  { name: 'RegExp origin matching', options: () => ({ origin: /^http:\/\/localhost:\d+$/ }), init: {}, expect: 'ok' },
  { name: 'RegExp origin not matching', options: () => ({ origin: /^https:\/\/[a-z]+\.example\.com$/ }), init: {}, expect: 'blocked' },
  {
    name: 'pattern origin http://localhost:*',
    options: () => ({ origin: ['http://localhost:*'] }),
    init: {},
    expect: 'blocked',
    native: { expect: 'ok', why: 'cors compares "http://localhost:*" literally; cors-native reads it as a port wildcard' },
  },
  { name: 'default cors(): any origin', options: () => undefined, init: {}, expect: 'ok' },
  { name: 'fixed origin of another site', options: () => ({ origin: 'https://app.example.com' }), init: {}, expect: 'blocked' },
  // The Fetch standard says * never covers Authorization; Chromium 156 still lets it through
  // (it has only warned about it), and so do Firefox ESR 153 and WebKitGTK 2.50.
  // cors-native's strict mode refuses it on the server.
  { name: 'Authorization with * in allowed headers', options: ({ page }) => ({ origin: [page], allowedHeaders: '*' }), init: { headers: { Authorization: 'Bearer t' } }, expect: 'ok' },
  {
    name: 'Authorization with * in allowed headers, strict mode',
    options: ({ page }) => ({ origin: [page], allowedHeaders: '*', strict: true }),
    init: { headers: { Authorization: 'Bearer t' } },
    expect: 'ok',
    native: { expect: 'blocked', why: 'strict mode applies the Fetch rule that * never covers Authorization and answers the preflight 403; cors sends * and the engines accept it' },
  },
  { name: 'custom header covered by *', options: ({ page }) => ({ origin: [page], allowedHeaders: '*' }), init: { headers: { 'X-Api-Key': 'k' } }, expect: 'ok' },
  { name: 'preflightContinue, route answers OPTIONS', options: ({ page }) => ({ origin: [page], preflightContinue: true }), init: { method: 'PUT', body: 'x' }, expect: 'ok', route: 'answers-options' },
  {
    name: 'preflightContinue, the framework answers OPTIONS itself',
    options: ({ page }) => ({ origin: [page], preflightContinue: true }),
    init: { method: 'PUT', body: 'x' },
    expect: 'ok',
    route: 'no-options',
    targets: { next: { expect: 'blocked', why: 'Next.js answers OPTIONS for a route without an OPTIONS export itself, without the CORS headers' } },
  },
  { name: 'preflightContinue, route refuses OPTIONS with 404', options: ({ page }) => ({ origin: [page], preflightContinue: true }), init: { method: 'PUT', body: 'x' }, expect: 'blocked', route: 'refuses-options' },
  { name: 'optionsSuccessStatus 200', options: ({ page }) => ({ origin: [page], optionsSuccessStatus: 200 }), init: { method: 'PUT', body: 'x' }, expect: 'ok' },
  { name: 'null origin from a sandboxed iframe, allowed', options: () => ({ origin: ['null'] }), init: {}, expect: 'ok', frame: 'sandboxed' },
  { name: 'null origin from a sandboxed iframe, refused', options: ({ page }) => ({ origin: [page] }), init: {}, expect: 'blocked', frame: 'sandboxed' },
  { name: '500 from the error handler is readable', options: LIST, init: {}, expect: 'ok', route: 'throws', status: 500 },
  { name: 'origin function answering asynchronously', options: ({ page }) => ({ origin: (origin, cb) => setImmediate(cb, null, origin === page) }), init: {}, expect: 'ok' },
  { name: 'strict mode, allowed preflight', options: ({ page }) => ({ origin: [page], methods: ['GET', 'PUT'], strict: true }), init: { method: 'PUT', body: 'x' }, expect: 'ok' },
  {
    name: 'strict mode, refused method',
    options: ({ page }) => ({ origin: [page], methods: ['GET', 'PUT'], strict: true }),
    init: { method: 'DELETE' },
    expect: 'blocked',
    preflightStatus: { native: 403, cors: 204 },
  },
  { name: 'max-age 600: second PUT reuses the preflight', options: ({ page }) => ({ origin: [page], maxAge: 600 }), init: { method: 'PUT', body: 'x' }, expect: 'ok', repeat: 2, optionsHits: 1 },
  { name: 'max-age 0: every PUT is preflighted', options: ({ page }) => ({ origin: [page], maxAge: 0 }), init: { method: 'PUT', body: 'x' }, expect: 'ok', repeat: 2, optionsHits: 2 },
]

module.exports = { LIST, policyScenarios: scenarios }
