'use strict'
// Runs check cases against a real server twice, with the checker and with real Chromium,
// and compares: the same verdict, and the checker's Chromium line is the one Chromium printed.
const { check } = require('../../lib/check')
const { chromiumFetch } = require('./chromium')
const { checkOptions, fetchInit } = require('./case-request')
const { prove, verdictOf } = require('./patch-proof')

/** What a case expects beyond agreeing with Chromium: `{ server (null: none), problems, unsafe, fix }`. */
function unmet(result, expect = {}) {
  const misses = []
  if (expect.server !== undefined && (result.server?.name ?? null) !== expect.server) misses.push(`server ${result.server?.name ?? null} instead of ${expect.server}`)
  for (const code of expect.problems ?? []) if (!result.problems.some((p) => p.code === code)) misses.push(`no problem ${code}`)
  for (const code of expect.unsafe ?? []) if (!result.unsafe.some((u) => u.code === code)) misses.push(`no unsafe finding ${code}`)
  if (expect.fix && !expect.fix.test(result.fix?.text ?? '')) misses.push(`fix ${JSON.stringify(result.fix)} does not match ${expect.fix}`)
  return misses
}

/**
 * `c`: `{ name, url, origin, method, headers: [[n, v]], credentials: bool, body, expect }`.
 * Returns a row `{ name, checker, chromium, consoleMatches, result, seen }`.
 */
async function runCase(browser, c) {
  const result = await check(c.url, checkOptions(c))
  const seen = await chromiumFetch(browser, c.origin, c.url, fetchInit(c))
  const predicted = result.engines.chromium
  const corsLines = seen.console.filter((line) => line.includes('CORS policy'))
  return {
    name: c.name,
    checker: predicted.allowed ? 'allowed' : `blocked (${predicted.failure})`,
    chromium: seen.allowed ? `allowed (${seen.status})` : 'blocked',
    agree: predicted.allowed === seen.allowed,
    consoleMatches: predicted.allowed ? corsLines.length === 0 : corsLines.includes(predicted.console),
    predictedLine: predicted.console,
    corsLines,
    result,
  }
}

/**
 * Runs every case, reports a table row each, and asserts agreement once at the end. With
 * `proxy` (startPatchProxy in front of the cases' server), each blocked case's patch is also
 * proved (patch-proof.js) and reported in a second table; at least one must be proved.
 */
async function runCases(t, browser, stack, cases, proxy) {
  const failures = []
  const evidence = new Set()
  let proved = 0
  for (const c of cases) {
    const row = await runCase(browser, c)
    t.diagnostic(`| ${stack} | ${row.name} | ${row.checker} | ${row.chromium} |${row.result.problems.length ? ` problems: ${row.result.problems.map((p) => p.code).join(', ')}` : ''}${row.result.unsafe.length ? ` unsafe: ${row.result.unsafe.map((u) => u.code).join(', ')}` : ''}`)
    for (const miss of unmet(row.result, c.expect)) failures.push(`${row.name}: ${miss}`)
    if (!row.agree) failures.push(`${row.name}: checker says ${row.checker}, Chromium ${row.chromium} ${row.corsLines.join(' ')}`)
    else if (!row.consoleMatches) failures.push(`${row.name}: checker line\n  ${row.predictedLine}\nChromium printed\n  ${row.corsLines.join('\n  ') || '(no CORS line)'}`)
    for (const why of row.result.server?.evidence ?? []) evidence.add(why)
    const proof = proxy && await prove(browser, proxy, c, row.result)
    if (!proof) continue
    if (proof.proved) proved++
    failures.push(...proof.misses.map((miss) => `${row.name}: patch: ${miss}`))
    const before = Object.entries(row.result.engines).map(([name, v]) => `${name} ${verdictOf(v)}`).join(', ')
    t.diagnostic(`| patch | ${stack} | ${row.name} | ${[...new Set(row.result.problems.map((p) => p.code))].join(', ') || row.result.engines.chromium.failure} | real Chromium ${row.chromium}; model ${before} | ${proof.row.join(' | ')} |`)
  }
  t.diagnostic(`| evidence | ${stack} | ${[...evidence].join('; ') || '(none)'} |`)
  if (proxy) {
    t.diagnostic(`${stack}: ${proved} blocked cases proved through the patch proxy`)
    if (proved === 0) failures.push(`${stack}: no blocked case was proved through the patch proxy`)
  }
  return failures
}

/**
 * Shows that the fix check writes for the blocked case `c` works: `start(fix.text)` starts the
 * server configured as the text says and resolves with `{ url, stop }`, `url` the address of
 * `c.url`'s resource there; Chromium must then allow the same fetch. `c.expect` is checked as
 * in runCases. Returns failures.
 */
async function proveFix(browser, c, start) {
  const result = await check(c.url, checkOptions(c))
  if (result.allowed || !result.fix) return [`${c.name}: expected a blocked case with a fix, got ${JSON.stringify({ allowed: result.allowed, fix: result.fix })}`]
  const misses = unmet(result, c.expect)
  if (misses.length) return misses.map((miss) => `${c.name}: ${miss}`)
  const fixed = await start(result.fix.text)
  try {
    const seen = await chromiumFetch(browser, c.origin, fixed.url, fetchInit(c))
    return seen.allowed ? [] : [`${c.name}: still blocked with the fix applied (${result.fix.text}): ${seen.console.join(' ')}`]
  } finally {
    await fixed.stop()
  }
}

module.exports = { runCase, runCases, proveFix }
