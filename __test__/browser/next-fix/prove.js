'use strict'
// Shows that the cors-native/next fix `cors-native check` writes works when applied: each
// blocked policy is served by the built next-target app (started with this directory's one
// scenario, no rebuild), check must name Next.js and say which createCors options to edit, and
// real Chromium must allow the same fetch once the app serves the options the text sets.
const { launch, chromiumMissing, skippedFor } = require('../../check/chromium')
const { proveFix } = require('../../check/cases')
const { editedOptions } = require('../../check/fix-snippet')
const { serve } = require('../targets/next')

const json = [['Content-Type', 'application/json']]
const setsOptions = /`createCors\(\{/

/**
 * Blocked policies in cors-native/next. With cors's default methods in the preflight, check
 * knows it is cors-native; otherwise it gives the createCors options and the headers to write.
 */
function cases(page) {
  const both = /^with createCors from cors-native\/next: /
  return [
    { name: 'header not in allowedHeaders', options: { origin: [page], allowedHeaders: ['X-Api-Key'] }, headers: [['X-Other', 'k']], fix: setsOptions },
    { name: 'origin not in the list, preflighted PUT', options: { origin: ['https://app.example.com'] }, method: 'PUT', headers: json, body: '{}', fix: /^if \S+ should be allowed, add it to `origin`/ },
    { name: 'credentialed PUT without credentials: true', options: { origin: [page] }, method: 'PUT', headers: json, body: '{}', credentials: true, fix: setsOptions },
    { name: 'method not in methods', options: { origin: [page], methods: ['GET', 'POST'] }, method: 'PATCH', body: 'x', fix: both },
    { name: 'origin not in the list, simple GET', options: { origin: ['https://app.example.com'] }, fix: both },
  ]
}

/** Failures of the proof for every case; `env` is the conformance env (its `page` is the fetching origin). */
async function proveNextFixes(t, env) {
  if (skippedFor(t, chromiumMissing())) return []
  const browser = await launch()
  t.after(() => browser.close())
  const failures = []
  for (const { options, fix, ...c } of cases(env.page)) {
    const blocked = await serve(__dirname, { ...env, options })
    try {
      const fixCase = { ...c, url: `http://127.0.0.1:${blocked.port}/s/0`, origin: env.page, expect: { server: 'next', fix } }
      failures.push(...await proveFix(browser, fixCase, async (text) => {
        const edited = editedOptions(options, text)
        t.diagnostic(`next fix | ${c.name} | ${text} | served ${JSON.stringify(edited)}`)
        const fixed = await serve(__dirname, { ...env, options: edited })
        return { url: `http://127.0.0.1:${fixed.port}/s/0`, stop: fixed.close }
      }))
    } finally {
      await blocked.close()
    }
  }
  return failures
}

module.exports = { proveNextFixes }
