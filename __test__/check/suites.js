'use strict'
// The check suites' cases, per real server: the agreement tests (express, python, raw-headers)
// run them against Chromium, and patch.test.js proves the model's patch on the blocked ones.
const json = [['Content-Type', 'application/json']]

/** Express 5 with cors@2.8.6 or cors-native (servers/express-app.js). */
function expressCases(api, pages) {
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true },
    { name: 'typical: credentialed JSON PUT (preflight)', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}' },
    { name: 'typical: another origin', url: `${api}/typical/items`, origin: pages.other },
    { name: 'trailing slash in origin', url: `${api}/slash/items`, origin: pages.allowed, expect: { server: 'express', fix: /^'http:\/\/localhost:\d+\/' differs only by a trailing slash from the page's origin: if http:\/\/localhost:\d+ should be allowed, write it exactly so in `origin`$/ } },
    // The defaults allow DELETE: the fix must neither list methods nor replace the origins.
    { name: 'typical: DELETE from another origin', url: `${api}/typical/items`, origin: pages.other, method: 'DELETE', expect: { server: 'express', fix: /^(?!.*methods)if http:\/\/127\.0\.0\.1:\d+ should be allowed, add it to `origin`$/ } },
    { name: "origin '*' with credentials", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true },
    { name: "origin '*', request without credentials", url: `${api}/star-credentials/items`, origin: pages.allowed },
    { name: 'origin: true with credentials (reflects any)', url: `${api}/reflect/items`, origin: pages.allowed, credentials: true, expect: { unsafe: ['echoes-any-origin-with-credentials'] } },
    { name: 'custom header not in allowedHeaders', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] },
    { name: 'handler throws: 500', url: `${api}/typical/boom`, origin: pages.allowed, expect: { problems: ['server-error'] } },
    { name: 'route registered before cors()', url: `${api}/late/items`, origin: pages.allowed },
  ]
}

/** FastAPI under uvicorn (servers/fastapi_app.py). */
function fastapiCases(api, pages) {
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true },
    { name: 'typical: credentialed JSON PUT (preflight)', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}' },
    { name: 'typical: another origin, GET', url: `${api}/typical/items`, origin: pages.other },
    { name: 'typical: another origin, PUT (400 Disallowed CORS origin)', url: `${api}/typical/items`, origin: pages.other, method: 'PUT', headers: json, body: '{}', expect: { server: 'starlette', problems: ['server-refusal'] } },
    { name: 'unhandled exception: 500 without CORS headers', url: `${api}/typical/boom`, origin: pages.allowed, expect: { server: 'starlette', problems: ['server-error'], fix: /exception handler/ } },
    { name: 'trailing slash in allow_origins', url: `${api}/slash/items`, origin: pages.allowed, expect: { server: 'starlette', fix: /^if http:\/\/localhost:\d+ should be allowed, add it to `allow_origins`$/ } },
    { name: "allow_origins=['*'] with credentials (echoes any)", url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect: { unsafe: ['echoes-any-origin-with-credentials', 'allows-null-origin'] } },
    { name: "allow_origins=['*'], credentialed fetch", url: `${api}/star/items`, origin: pages.allowed, credentials: true },
    { name: 'header not in allow_headers (400 Disallowed CORS headers)', url: `${api}/limited-headers/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']] },
    { name: "PUT with allow_methods=['GET']", url: `${api}/get-only/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}' },
  ]
}

/** Django with django-cors-headers (servers/django_app.py), CONFIG typical and allow-all. */
function djangoCases(typical, allowAll, pages) {
  return [
    { name: 'typical: GET', url: `${typical}/items`, origin: pages.allowed },
    { name: 'typical: credentialed GET', url: `${typical}/items`, origin: pages.allowed, credentials: true },
    { name: 'typical: credentialed JSON PUT: CSRF 403 with CORS headers', url: `${typical}/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect: { server: 'django-cors-headers', problems: ['csrf'], fix: /CSRF_TRUSTED_ORIGINS/ } },
    { name: 'typical: form POST: CSRF 403', url: `${typical}/items`, origin: pages.allowed, method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'x' },
    { name: 'typical: another origin', url: `${typical}/items`, origin: pages.other },
    { name: 'typical: view raises: 500 keeps CORS headers', url: `${typical}/boom`, origin: pages.allowed },
    { name: 'typical: header not in CORS_ALLOW_HEADERS', url: `${typical}/items`, origin: pages.allowed, headers: [['X-Api-Key', 'k']], expect: { fix: /CORS_ALLOW_HEADERS = \(\*default_headers, "x-api-key"\)` \(from corsheaders\.defaults import default_headers\)$/ } },
    { name: "allow all + credentials + ['*'] lists: credentialed PUT", url: `${allowAll}/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect: { problems: ['literal-wildcard'], fix: /CORS_ALLOW_METHODS/ } },
    { name: 'allow all + credentials: credentialed GET (echoes any)', url: `${allowAll}/items`, origin: pages.allowed, credentials: true },
    { name: 'allow all: PUT without credentials', url: `${allowAll}/items`, origin: pages.allowed, method: 'PUT', headers: json, body: '{}' },
  ]
}

/** Hand-written headers from node:http (servers/raw-headers.js), which no fingerprint may claim. */
function rawCases(api, pages) {
  const put = { method: 'PUT', headers: [['X-Api-Key', 'k']] }
  const at = (name) => `${api}/raw/${name}`
  const expect = { server: null }
  return [
    { name: 'two Access-Control-Allow-Origin headers', url: at('two-values'), origin: pages.allowed, expect },
    { name: 'a comma-separated Access-Control-Allow-Origin', url: at('comma-list'), origin: pages.allowed, expect },
    { name: 'an Access-Control-Allow-Origin that is not a URL', url: at('not-a-url'), origin: pages.allowed, expect },
    { name: 'credentials with Access-Control-Allow-Credentials: false', url: at('credentials-false'), origin: pages.allowed, credentials: true, expect },
    { name: 'preflight answered 404 with CORS headers', url: at('preflight-404'), origin: pages.allowed, ...put, expect },
    { name: 'preflight redirected', url: at('preflight-redirect'), origin: pages.allowed, ...put, expect },
    { name: 'unparsable Access-Control-Allow-Methods', url: at('bad-method-list'), origin: pages.allowed, ...put, expect },
    { name: 'method not in Access-Control-Allow-Methods', url: at('method-missing'), origin: pages.allowed, ...put, expect },
    { name: 'Authorization through Access-Control-Allow-Headers: *', url: at('authorization-wildcard'), origin: pages.allowed, method: 'PUT', headers: [['Authorization', 'Bearer t']], expect },
    { name: 'preflight passes', url: at('preflight-ok'), origin: pages.allowed, ...put, expect },
    { name: 'redirect to another origin: Origin becomes null', url: at('redirect-other-origin'), origin: pages.allowed, expect },
    { name: 'redirect to another origin that allows null', url: at('redirect-to-null-ok'), origin: pages.allowed, expect },
    { name: 'redirect hop without CORS headers', url: at('redirect-without-cors'), origin: pages.allowed, expect },
  ]
}

module.exports = { expressCases, fastapiCases, djangoCases, rawCases }
