'use strict'
// The model's patch proved on one blocked case of a real server: applied by the patch proxy,
// real Chromium reads the response, check() through the proxy allows it in all three engines,
// the "works but unsafe" probes find nothing new, and the patched preflight still allows every
// method and header the server allowed. Used by patch.test.js and each stack's agreement test.
const { check } = require('../../lib/check')
const { chromiumFetch } = require('./chromium')
const { fetchInit, checkOptions } = require('./case-request')
const { headerValue } = require('../../lib/check/http')
const { preflightRequest } = require('../../lib/browser/model')

// Names as the patch reads a list: split at commas and, in an unparsable list, at spaces.
const listed = (response, name) => (headerValue(response?.headers ?? [], name) ?? '').split(/[,\s]+/).filter(Boolean)

/** The method as fetch() sends it, as the model says (`put` goes out as PUT, `patch` as written). */
const sentAs = (method) => preflightRequest({ url: 'http://127.0.0.1/', origin: 'http://localhost', method }).method

/**
 * What the patch must keep: each method the preflight allowed, exactly (one fetch() never sends
 * as spelt, `put`, may give way to the spelling it sends), and each header in any case.
 */
function narrowed(before, after) {
  const lost = []
  const methods = listed(after, 'access-control-allow-methods')
  const headers = listed(after, 'access-control-allow-headers').map((h) => h.toLowerCase())
  for (const method of listed(before, 'access-control-allow-methods')) {
    if (!methods.includes(method) && (sentAs(method) === method || !methods.includes(sentAs(method)))) lost.push(`method ${method}`)
  }
  for (const header of listed(before, 'access-control-allow-headers')) if (!headers.includes(header.toLowerCase())) lost.push(`header ${header}`)
  return lost
}

/** A patch in one line: `preflight: 204; Access-Control-Allow-Origin: … / response: …`. */
function compact(patch) {
  return patch.map((e) => `${e.step}${e.hop === null ? '' : ` ${e.hop}`}: ${[e.status ?? '', ...e.set.map(([n, v]) => `${n}: ${v}`), ...e.remove.map((n) => `-${n}`)].filter(Boolean).join('; ')}`).join(' / ')
}

const verdictOf = (verdict) => (verdict.allowed ? 'allowed' : `blocked (${verdict.failure})`)

/**
 * Proves the patch of case `c` through `proxy` (from startPatchProxy, in front of the server
 * `c.url` names); `before` is check()'s result for `c` when already known. Returns null when the
 * case is not blocked, else `{ misses, proved, row }`: what failed, whether a header patch was
 * applied, and the report's table cells (patch, verdicts after).
 */
async function prove(browser, proxy, c, before) {
  before ??= await check(c.url, checkOptions(c))
  if (before.allowed) return null
  const misses = []
  const method = c.method ?? 'GET'
  if (sentAs(method) !== method.toUpperCase()) {
    // fetch() sent the method as written: the fix is the page's (the patch's lower-case method
    // would reach servers, and this proxy, whose parsers refuse it). Prove the page fix.
    if (before.fix?.stack !== null || !before.fix.text.includes(`method: '${method.toUpperCase()}'`)) misses.push(`no page fix for '${method}': ${JSON.stringify(before.fix)}`)
    const page = { ...c, method: method.toUpperCase() }
    const fixed = await prove(browser, proxy, page)
    if (fixed) return { misses: [...misses, ...fixed.misses], proved: fixed.proved, row: [`page: method '${page.method}'; ${fixed.row[0]}`, fixed.row[1]] }
    const seen = await chromiumFetch(browser, c.origin, c.url, fetchInit(page))
    if (!seen.allowed) misses.push(`check allows '${page.method}', Chromium does not`)
    return { misses, proved: true, row: [`page: method '${page.method}' (the server already allows it)`, `real Chromium ${seen.allowed ? 'allowed' : 'blocked'}; model allowed`] }
  }
  if (before.requestFix) {
    // Only Origin: null would pass: no header patch, the request changes instead.
    if (before.patch.length !== 0) misses.push(`a header patch beside the request fix: ${JSON.stringify(before.patch)}`)
    if (!before.requestFix.url) misses.push('the request fix names no URL')
    return { misses, proved: false, row: [`request fix: fetch ${before.requestFix.url} directly`, 'not applied'] }
  }
  const verdicts = before.patchVerdicts
  if (!(verdicts.chromium && verdicts.firefox && verdicts.webkit)) misses.push(`patchVerdicts ${JSON.stringify(verdicts)}`)
  for (const edit of before.patch) {
    for (const [name, value] of edit.set) {
      if (name.toLowerCase() === 'access-control-allow-origin' && value !== c.origin) misses.push(`Access-Control-Allow-Origin: ${value}`)
    }
  }
  proxy.use(before.patch, before.exchanges.actual.map((hop) => new URL(hop.request.url).pathname))
  const proxied = c.url.replace(proxy.upstream, proxy.url)
  const [seen, after] = await Promise.all([chromiumFetch(browser, c.origin, proxied, fetchInit(c)), check(proxied, checkOptions(c))])
  if (!seen.allowed) misses.push(`Chromium still blocks it: ${seen.console.filter((l) => l.includes('CORS')).join(' ')}`)
  for (const [name, verdict] of Object.entries(after.engines)) if (!verdict.allowed) misses.push(`${name} through the proxy: ${verdict.console}`)
  const known = new Set(before.unsafe.map((u) => u.code))
  for (const finding of after.unsafe) if (!known.has(finding.code)) misses.push(`new unsafe finding ${finding.code}`)
  if (before.exchanges.preflight) misses.push(...narrowed(before.exchanges.preflight.response, after.exchanges.preflight?.response).map((lost) => `the patched preflight lost ${lost}`))
  const afterCells = `real Chromium ${seen.allowed ? 'allowed' : 'blocked'}; model ${Object.entries(after.engines).map(([name, v]) => `${name} ${verdictOf(v)}`).join(', ')}`
  return { misses, proved: true, row: [compact(before.patch), afterCells] }
}

module.exports = { prove, compact, sentAs, verdictOf }
