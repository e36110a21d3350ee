'use strict'
// CORS_NATIVE_PUBLIC_SUFFIX_WILDCARD: a pattern or RegExp that allows every site under a public
// suffix (a hosting platform's shared domain, or co.uk) is named, with a site of someone else's
// it really lets in; your own domain's subdomains are not.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')

const CODE = 'CORS_NATIVE_PUBLIC_SUFFIX_WILDCARD'

// [origin entry, the public suffix it reaches under]: each platform as a pattern and as RegExps.
const shared = [
  ['https://*.vercel.app', 'vercel.app'],
  [/\.vercel\.app$/, 'vercel.app'],
  ['https://*.netlify.app', 'netlify.app'],
  [/^https:\/\/.*\.netlify\.app$/, 'netlify.app'],
  ['https://*.github.io', 'github.io'],
  [/^https:\/\/[a-z0-9-]+\.github\.io$/, 'github.io'],
  ['https://*.pages.dev', 'pages.dev'],
  [/^https:\/\/(.+\.)?pages\.dev$/, 'pages.dev'],
  ['https://*.herokuapp.com', 'herokuapp.com'],
  [/herokuapp\.com$/i, 'herokuapp.com'],
  ['https://*.co.uk', 'co.uk'],
]

const own = [
  'https://*.example.com',
  'https://*.my-company.co.uk',
  'https://*.my-app.pages.dev',
  'https://my-app.vercel.app',
  'http://localhost:*',
  /^https:\/\/.*\.my-company\.co\.uk$/,
  /^https:\/\/(app|admin)\.vercel\.app$/,
  /^https:\/\/([a-z0-9-]+\.)*example\.com$/,
]

function lintOf(entry) {
  return cors.compile({ origin: [entry] }).lints.find((lint) => lint.code === CODE)
}

test('every hosting platform, as a pattern and as a RegExp: named, with a site the entry really lets in', (t) => {
  t.mock.method(process, 'emitWarning', () => {})
  for (const [entry, suffix] of shared) {
    const lint = lintOf(entry)
    assert.ok(lint, `${entry} gets ${CODE}`)
    assert.match(lint.message, new RegExp(`allows every site under ${suffix.replace('.', '\\.')}, where anyone can publish one`), String(entry))
    const [someoneElse] = lint.message.match(/https?:\/\/someone-else\.[a-z.]+/)
    assert.equal(cors.compile({ origin: [entry] }).explain({ origin: someoneElse }).allowed, true, `${entry} lets in ${someoneElse}`)
    assert.match(lint.message, /list the origins of your own sites instead/)
    assert.throws(() => cors({ origin: [entry], strict: true }), { name: 'TypeError', message: new RegExp(CODE) })
  }
})

test("a fix the lint suggests is no shared host: Cloudflare Pages' project subdomain", () => {
  assert.match(lintOf('https://*.pages.dev').message, /"https:\/\/\*\.my-app\.pages\.dev", which covers the preview and branch deployments of your project my-app only/)
  assert.equal(lintOf('https://*.my-app.pages.dev'), undefined)
  assert.match(lintOf('https://*.vercel.app').message, /"https:\/\/my-app-\*\.vercel\.app" is no pattern/)
  assert.throws(() => cors({ origin: ['https://my-app-*.vercel.app'] }), { name: 'TypeError', message: /origin: the pattern "https:\/\/my-app-\*\.vercel\.app" puts "\*" where it is not supported/ })
})

test('your own domains are not shared hosts, and compile in strict mode', (t) => {
  const warnings = t.mock.method(process, 'emitWarning', () => {})
  for (const entry of own) assert.equal(lintOf(entry), undefined, String(entry))
  cors({ origin: own, strict: true })
  assert.equal(warnings.mock.calls.filter((call) => call.arguments[1]?.code === CODE).length, 0)
})

test('the warning is emitted once and can be turned off', (t) => {
  const warnings = t.mock.method(process, 'emitWarning', () => {})
  cors({ origin: ['https://*.gitlab.io', 'https://app.example.com'] })
  cors({ origin: ['https://*.gitlab.io', 'https://app.example.com'] })
  assert.equal(warnings.mock.calls.filter((call) => call.arguments[1]?.code === CODE).length, 1)
  assert.equal(cors.compile({ origin: 'https://*.gitlab.io', warnings: { [CODE]: false } }).lints.length, 0)
})
