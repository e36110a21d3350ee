'use strict'
// Every fix cors-native suggests for an origin RegExp is right: over a corpus of RegExps that
// real projects, cors's own tests and CORS articles use, a suggestion accepts the origins the
// original evidently meant (subdomains too when nothing before the domain excluded them),
// refuses the attacker forms (suffix, prefix, other scheme, other port) and allows no site
// under a public suffix; a RegExp that gets no warning refuses them itself; and every
// "matches X" in a warning is true of the original RegExp, run by V8.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')
const { runMiddleware } = require('../support/fake-http')

// [RegExp, the origins it is evidently meant to allow]
const corpus = [
  [/example\.com$/, ['https://example.com', 'https://app.example.com']],
  [/\.example\.com$/, ['https://app.example.com', 'https://www.example.com']],
  [/\.example\.com$/i, ['https://app.example.com']],
  [/^https:\/\/.*\.example.com$/, ['https://app.example.com']],
  [/:\/\/(.+\.)?example.com$/, ['https://example.com', 'https://app.example.com']],
  [/localhost/, ['http://localhost:3000', 'http://localhost', 'http://app.localhost:3000']],
  [/^http:\/\/localhost:\d+$/, ['http://localhost:3000']],
  [/\.localhost(:\d+)?$/, ['http://app.localhost:3000']],
  [/\.localhost(:\d+)?/, ['http://app.localhost:3000', 'http://app.localhost']],
  [/(^|\.)x-bro\.com$/, ['https://www.x-bro.com']],
  [/^(?:www\.)?fubaclicker\.com\.br$/, ['https://fubaclicker.com.br', 'https://www.fubaclicker.com.br']],
  [/feelming\.org$/, ['https://feelming.org', 'https://www.feelming.org']],
  [/^https:\/\/example\.com$/, ['https://example.com']],
  [/^https:\/\/([a-z0-9-]+\.)*example\.com$/, ['https://example.com', 'https://a.b.example.com']],
  [/https:\/\/example\.com/, ['https://example.com']],
  [/^https:\/\/example\.com/, ['https://example.com']],
  [/example\.com/, ['https://example.com', 'https://app.example.com', 'https://a.b.example.com']],
  [/example.com/, ['https://example.com', 'https://app.example.com']],
  [/^https?:\/\/(www\.)?example\.com$/, ['https://example.com', 'http://example.com', 'https://www.example.com', 'http://www.example.com']],
  [/^https:\/\/(app|admin)\.example\.com$/, ['https://app.example.com', 'https://admin.example.com']],
  [/^https:\/\/app\.example\.com:3000$/, ['https://app.example.com:3000']],
  [/^http:\/\/localhost(:\d+)?$/, ['http://localhost', 'http://localhost:5173']],
  [/^http:\/\/127\.0\.0\.1:\d+$/, ['http://127.0.0.1:8080']],
  [/^http:\/\/127.0.0.1:\d+$/, ['http://127.0.0.1:8080']],
  [/\.vercel\.app$/, ['https://my-app.vercel.app']],
  [/^https:\/\/.*\.vercel\.app$/, ['https://my-app-git-main.vercel.app']],
  [/^https:\/\/my-app-.*\.vercel\.app$/, ['https://my-app-git-main.vercel.app']],
  [/^https:\/\/[a-z0-9-]+\.example\.com$/, ['https://app.example.com']],
  [/^https:\/\/\w+\.example\.com$/, ['https://app.example.com']],
  [/^https:\/\/www\.example\.com\/$/, ['https://www.example.com']],
  [/^https:\/\/example\.com\/?$/, ['https://example.com']],
  [/^(https?:\/\/)?(www\.)?example\.com$/, ['https://example.com', 'https://www.example.com', 'http://example.com', 'http://www.example.com']],
  [/^https:\/\/(.*\.)?example\.com$/, ['https://example.com', 'https://app.example.com']],
  [/^https:\/\/(.+\.)?example\.com$/, ['https://example.com', 'https://app.example.com']],
  [/^https?:\/\/localhost:\d+$/, ['http://localhost:3000']],
  [/^http:\/\/localhost:3000$/, ['http://localhost:3000']],
  [/localhost:3000$/, ['http://localhost:3000', 'http://app.localhost:3000']],
  [/^https:\/\/example\.(com|org)$/, ['https://example.com', 'https://example.org']],
  [/^https:\/\/.+\.example\.com$/, ['https://app.example.com']],
  [/^https:\/\/.*example\.com$/, ['https://example.com', 'https://app.example.com']],
  [/^https:\/\/[^.]+\.example\.com$/, ['https://app.example.com']],
  [/^https:\/\/app\.example\.com/, ['https://app.example.com']],
  [/(example\.com|example\.org)$/, ['https://example.com', 'https://example.org', 'https://app.example.com']],
  [/^https:\/\/(www\.)?example\.com$/, ['https://example.com', 'https://www.example.com']],
  [/^https:\/\/app.example.com$/, ['https://app.example.com']],
  [/^https:\/\/[a-z]+\.example\.org$/, ['https://app.example.org']],
  [/^https:\/\/example\.com:\d+$/, ['https://example.com:8443']],
]

// The attacker forms of the origins a RegExp is meant for.
function attackerOrigins(intended) {
  const attackers = new Set()
  const anyPort = intended.some((origin) => new URL(origin).port)
  for (const origin of intended) {
    const { protocol, hostname, port } = new URL(origin)
    const suffix = port ? `:${port}` : ''
    attackers.add(`${protocol}//${hostname}.evil.net${suffix}`)
    if (!/^[\d.]+$/.test(hostname)) {
      const registrable = hostname.endsWith('localhost') ? 'localhost' : hostname.split('.').slice(-2).join('.')
      attackers.add(`${protocol}//evil${registrable}${suffix}`)
    }
    if (protocol === 'https:' && !intended.includes(origin.replace('https:', 'http:'))) attackers.add(origin.replace('https:', 'http:'))
    if (!anyPort) attackers.add(`${origin}:8443`)
  }
  return [...attackers].filter((attacker) => !intended.includes(attacker))
}

function allows(origin, entry) {
  const { headers } = runMiddleware(cors({ origin: entry }), 'GET', { origin: entry === undefined ? undefined : origin })
  return headers['access-control-allow-origin'] === origin
}

function entryOf(suggested) {
  const regexp = suggested.match(/^\/(.*)\/([a-z]*)$/)
  return regexp ? new RegExp(regexp[1], regexp[2]) : suggested
}

test(`${corpus.length} origin RegExps: suggestions are right, claims are true, silence is earned`, (t) => {
  assert.ok(corpus.length >= 40)
  let linted = 0
  let suggested = 0
  for (const [regexp, intended] of corpus) {
    const lint = cors.compile({ origin: regexp }).lints.find((found) => found.code === 'CORS_NATIVE_LOOSE_REGEX')
    const attackers = attackerOrigins(intended)
    if (!lint) {
      for (const attacker of attackers) assert.ok(!regexp.test(attacker), `${regexp} lets in ${attacker} and got no warning`)
      continue
    }
    linted++
    for (const claim of lint.message.matchAll(/also matches ((?:\S+(?: and )?)+) \(/g)) {
      for (const origin of claim[1].split(' and ')) assert.ok(regexp.test(origin), `${regexp}: the warning claims it matches ${origin}`)
    }
    if (lint.suggestion.length === 0) continue
    suggested++
    const entries = lint.suggestion.map(entryOf)
    for (const origin of intended) assert.ok(allows(origin, entries), `${regexp}: the suggestion ${lint.suggestion} refuses ${origin}`)
    for (const attacker of attackers) assert.ok(!allows(attacker, entries), `${regexp}: the suggestion ${lint.suggestion} allows ${attacker}`)
    const shared = cors.compile({ origin: entries }).lints.filter((found) => found.code === 'CORS_NATIVE_PUBLIC_SUFFIX_WILDCARD')
    assert.deepEqual(shared, [], `${regexp}: the suggestion ${lint.suggestion} allows sites under a public suffix`)
  }
  t.diagnostic(`${corpus.length} RegExps: ${linted} warned, ${suggested} with a suggestion, all checked`)
})
