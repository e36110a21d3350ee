'use strict'
// why(text, options): what a pasted console line says (read by the browser model, against
// its own texts), then, when the URL answers from here, what `check` finds there now.
const { readConsole } = require('../browser/model')
const { check, UsageError, NetworkError } = require('../check')
const { checkUrl, checkOrigin, checkMethod, checkHeaders, checkTimeout } = require('../check/usage')

const MAX_LINE_BYTES = 64 * 1024
// Colours and cursor moves a terminal copy may carry: not part of what the browser printed.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]/g

const CREDENTIALED = new Set(['wildcard-with-credentials', 'allow-credentials-not-true'])

/** The header the line names, with a value that keeps it as unsafe as the page's was. */
function namedHeader(name) {
  return `${name}: ${name.toLowerCase() === 'content-type' ? 'application/json' : '1'}`
}

/** What `check` should send to see the same failure: the line's method and header, else the flags'. */
function checkOptions(reading, options) {
  const method = reading.failure === 'method-not-allowed' && reading.value ? reading.value : options.method
  const headers = [...(options.headers ?? [])]
  if (reading.failure === 'header-not-allowed' && reading.value && !headers.some((h) => h.toLowerCase().startsWith(`${reading.value.toLowerCase()}:`))) {
    headers.push(namedHeader(reading.value))
  }
  return { origin: reading.origin, method, headers, credentials: Boolean(options.credentials) || CREDENTIALED.has(reading.failure), timeout: options.timeout, probes: false, ...network(reading) }
}

/** Where a Local Network Access line puts the page and the server, and what the user answered. */
function network(reading) {
  const space = reading.value
  if (!['public', 'local', 'loopback'].includes(space)) return {}
  switch (reading.failure) {
    case 'local-network-access':
      return { pageAddressSpace: 'public', serverAddressSpace: space, permissions: { [space === 'loopback' ? 'loopback-network' : 'local-network']: 'denied' } }
    case 'insecure-private-network':
      return { pageAddressSpace: 'public', serverAddressSpace: space }
    case 'address-space-mismatch':
      return { pageAddressSpace: 'public', serverAddressSpace: space, targetAddressSpace: reading.targetSpace ?? undefined }
    default:
      return {}
  }
}

/** The flags, validated before anything is read or sent: a bad one is a usage error, not a failed check. */
function checkFlags({ url, origin, method, headers, timeout }) {
  if (url !== undefined) checkUrl(url)
  if (origin !== undefined) checkOrigin(origin)
  if (method !== undefined) checkMethod(method)
  checkHeaders(headers)
  checkTimeout(timeout)
}

/** Why a line cannot be read: every case is a UsageError naming what to paste instead. */
function unreadable(text, reading) {
  if (reading?.generic) {
    return new UsageError(`${JSON.stringify(text.trim().split('\n')[0])} is what fetch() rejects with for any failure; paste the console line about CORS printed with it (it names the URL and the reason)`)
  }
  return new UsageError('no line of a blocked fetch was recognised; paste the whole console line (Chromium: "Access to fetch at ...", Firefox: "Cross-Origin Request Blocked: ...", WebKit: "Origin ... is not allowed ..."), or the reason DevTools shows after "CORS error"')
}

/**
 * Resolves with `{ engine, url, redirectedFrom, origin, step, failure, alternatives,
 * explanation, fix, check, checkError }`; `check` is the `check` result or null (not run, or
 * `checkError` says why). Rejects with a UsageError when the text is not a line it knows.
 */
async function why(text, options = {}) {
  checkFlags(options)
  if (typeof text !== 'string' || text.trim() === '') throw new UsageError('give the console line as an argument or on standard input')
  if (Buffer.byteLength(text) > MAX_LINE_BYTES) throw new UsageError(`the console line is over ${MAX_LINE_BYTES / 1024} KiB; paste only the line about the blocked fetch`)
  const clean = text.replace(ANSI, '')
  const read = readConsole(clean, options.origin)
  if (!read || read.generic) throw unreadable(clean, read)
  const reading = { ...read, url: read.url ?? options.url ?? null, origin: read.origin ?? options.origin ?? null }
  const result = {
    engine: reading.engine,
    url: reading.url,
    redirectedFrom: reading.redirectedFrom,
    origin: reading.origin,
    step: reading.step,
    failure: reading.failure,
    alternatives: reading.alternatives,
    explanation: reading.explanation,
    fix: reading.fix,
    check: null,
    checkError: null,
  }
  if (options.check === false) return result
  if (!reading.url || !reading.origin) {
    result.checkError = `the line does not name the ${reading.url ? 'page\'s origin' : 'URL'}; add ${[reading.url ? null : '--url <url>', reading.origin ? null : '--origin <origin>'].filter(Boolean).join(' and ')} to check the server`
    return result
  }
  // The URL the page fetched: check follows the redirects as the browser did.
  const target = reading.redirectedFrom ?? reading.url
  try {
    result.check = await check(target, checkOptions(reading, options))
  } catch (error) {
    if (!(error instanceof NetworkError || error instanceof UsageError)) throw error
    result.checkError = error instanceof NetworkError ? `network error: ${error.message}` : error.message
  }
  return result
}

module.exports = { why, MAX_LINE_BYTES }
