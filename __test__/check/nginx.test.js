'use strict'
// `cors-native check` against nginx with hand-written add_header lines (servers/nginx.conf):
// the checker's verdict and Chromium line equal what real Chromium does, case by case, and
// the checker names nginx; each blocked case's patch is proved through the patch proxy.
const test = require('node:test')
const assert = require('node:assert/strict')
const { chromiumMissing, skippedFor, startChromium } = require('./chromium')
const { runCases, proveFix } = require('./cases')
const { snippet } = require('./fix-snippet')
const { startNginx, nginxMissing } = require('./nginx')
const { startPatchProxy } = require('./patch-proxy')

const json = [['Content-Type', 'application/json']]
const apiKey = [['X-Api-Key', 'k']]

function cases(api, pages) {
  const expect = { server: 'nginx' }
  return [
    { name: 'typical: credentialed GET', url: `${api}/typical/items`, origin: pages.allowed, credentials: true, expect },
    { name: 'typical: credentialed JSON PUT', url: `${api}/typical/items`, origin: pages.allowed, method: 'PUT', headers: json, credentials: true, body: '{}', expect },
    { name: 'typical: 404 with always', url: `${api}/typical/missing`, origin: pages.allowed, expect },
    { name: 'typical: another origin', url: `${api}/typical/items`, origin: pages.other, expect },
    { name: 'typical: PATCH not in the methods', url: `${api}/typical/items`, origin: pages.allowed, method: 'PATCH', headers: json, body: '{}', expect },
    { name: 'if block with its own add_header: preflight loses the origin', url: `${api}/inherited/items`, origin: pages.allowed, method: 'PUT', headers: apiKey, expect },
    { name: 'location with its own add_header loses the server level ones', url: `${api}/own-headers/items`, origin: pages.allowed, expect },
    { name: 'without always: 404', url: `${api}/no-always/missing`, origin: pages.allowed, expect },
    { name: 'without always: 500', url: `${api}/no-always/boom`, origin: pages.allowed, expect },
    { name: 'without always: 403', url: `${api}/no-always/denied`, origin: pages.allowed, expect },
    { name: 'without always: preflighted PUT (204 keeps them)', url: `${api}/no-always/items`, origin: pages.allowed, method: 'PUT', headers: apiKey, expect },
    { name: 'nginx and the app both add Access-Control-Allow-Origin', url: `${api}/duplicate/items`, origin: pages.allowed, expect },
    { name: 'trailing slash in the origin', url: `${api}/slash/items`, origin: pages.allowed, expect },
    { name: '* with credentials', url: `${api}/star-credentials/items`, origin: pages.allowed, credentials: true, expect },
    { name: '$http_origin with credentials (reflects any)', url: `${api}/reflect/items`, origin: pages.allowed, credentials: true, expect: { ...expect, unsafe: ['echoes-any-origin-with-credentials'] } },
    { name: "lower-case methods 'get, put': PUT", url: `${api}/lower-case-methods/items`, origin: pages.allowed, method: 'PUT', headers: apiKey, expect },
    { name: "methods 'GET, POST': DELETE", url: `${api}/limited/items`, origin: pages.allowed, method: 'DELETE', expect },
    { name: "headers 'Content-Type': X-Api-Key", url: `${api}/limited/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'limit_except: preflight 403', url: `${api}/get-only/items`, origin: pages.allowed, headers: apiKey, expect },
    { name: 'auth_basic: preflight 401', url: `${api}/auth/items`, origin: pages.allowed, method: 'PUT', headers: apiKey, expect },
    { name: 'redirect within the server', url: `${api}/moved/items`, origin: pages.allowed, expect },
  ]
}

// Fixes applied in a second nginx: the location as servers/nginx.conf has it, with the fix's
// lines in place of its add_header lines (no-always) or added at its top (auth).
const PROOFS = [
  { name: 'without always: 404', path: 'no-always/missing', location: (fix) => `${fix}\n      return 404 '{"error":"not found"}';` },
  {
    name: 'auth_basic: preflight 401',
    path: 'auth/items',
    method: 'PUT',
    headers: apiKey,
    location: (fix, prefix, origin) => [
      fix,
      `add_header Access-Control-Allow-Origin "${origin}" always;`,
      'add_header Access-Control-Allow-Methods "GET, PUT" always;',
      'add_header Access-Control-Allow-Headers "X-Api-Key" always;',
      'auth_basic "api";',
      `auth_basic_user_file ${prefix}/htpasswd;`,
    ].join('\n      '),
  },
]

test('check agrees with Chromium on nginx with hand-written headers, and its fixes work', { timeout: 300_000 }, async (t) => {
  if (skippedFor(t, chromiumMissing() ?? nginxMissing())) return
  const { pages, browser } = await startChromium(t)
  const nginx = await startNginx(pages.allowed)
  t.after(() => nginx.stop())
  const proxy = await startPatchProxy(nginx.url)
  t.after(() => proxy.close())
  const failures = await runCases(t, browser, 'nginx', cases(nginx.url, pages), proxy)
  for (const { path, location, ...c } of PROOFS) {
    const blocked = { ...c, url: `${nginx.url}/${path}`, origin: pages.allowed }
    failures.push(...await proveFix(browser, blocked, async (fix) => {
      const fixed = await startNginx(pages.allowed, (prefix) => location(snippet(fix), prefix, pages.allowed))
      return { url: `${fixed.url}/fixed/${path}`, stop: fixed.stop }
    }))
  }
  assert.deepEqual(failures, [])
})
