'use strict'
// The options of a check, validated: every mistake is a UsageError naming the option, the
// value and the fix (exit code 2 on the command line).
const net = require('net')
const { forbiddenHeader, forbiddenMethod } = require('../browser/model')

const DEFAULT_TIMEOUT_MS = 10_000
// Node's timers fire at once past 2^31 - 1 ms; ten minutes is far more than any check needs.
const MAX_TIMEOUT_MS = 600_000
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

class UsageError extends Error {
  constructor(message) {
    super(message)
    this.name = 'UsageError'
  }
}

function checkUrl(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`the URL ${JSON.stringify(url)} is not an absolute URL; write it like http://127.0.0.1:8000/api/items`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`the URL ${url} must be http: or https:`)
  return parsed.href
}

function checkOrigin(origin) {
  if (typeof origin !== 'string' || origin === '') throw new UsageError('--origin is required: the origin of the page that calls the API, e.g. http://localhost:3000')
  if (origin === 'null') return origin
  let parsed
  try {
    parsed = new URL(origin)
  } catch {
    throw new UsageError(`--origin ${JSON.stringify(origin)} is not an origin; write it like https://app.example.com`)
  }
  if (parsed.origin !== origin) throw new UsageError(`--origin ${JSON.stringify(origin)} is not what a browser sends; write ${JSON.stringify(parsed.origin)}`)
  return origin
}

/** `[[name, value]]`, `{ name: value }` or `['Name: value']`. */
function checkHeaders(headers = []) {
  const pairs = Array.isArray(headers)
    ? headers.map((h) => {
      if (Array.isArray(h)) return h
      const colon = String(h).indexOf(':')
      if (colon <= 0) throw new UsageError(`--header ${JSON.stringify(h)} must look like 'Name: value'`)
      return [String(h).slice(0, colon).trim(), String(h).slice(colon + 1).trim()]
    })
    : Object.entries(headers)
  return pairs.map(([name, value]) => {
    name = String(name)
    value = String(value)
    if (!TOKEN.test(name)) throw new UsageError(`header name ${JSON.stringify(name)} is not a valid HTTP header name`)
    if (/[\r\n\0]/.test(value)) throw new UsageError(`the value of header ${name} contains a line break or NUL`)
    // fetch() throws on values that are not byte strings; Node would refuse other controls.
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) throw new UsageError(`the value of header ${name} has characters fetch() refuses (only latin-1 bytes, no control characters)`)
    const forbidden = forbiddenHeader(name, value)
    if (forbidden) throw new UsageError(`--header ${name} is refused: ${forbidden}; a page cannot send it, so checking with it would not be what the browser does`)
    return [name, value]
  })
}

function checkMethod(method = 'GET') {
  if (!TOKEN.test(method)) throw new UsageError(`--method ${JSON.stringify(method)} is not a valid HTTP method`)
  const forbidden = forbiddenMethod(method)
  if (forbidden) throw new UsageError(`--method ${method} is forbidden: ${forbidden}`)
  return method
}

function checkCredentials(credentials) {
  if (credentials === true) return 'include'
  if (credentials === undefined || credentials === false) return 'same-origin'
  if (['omit', 'same-origin', 'include'].includes(credentials)) return credentials
  throw new UsageError(`credentials ${JSON.stringify(credentials)} must be true, false, 'omit', 'same-origin' or 'include'`)
}

function checkTimeout(timeout = DEFAULT_TIMEOUT_MS) {
  const ms = Number(timeout)
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw new UsageError(`--timeout ${JSON.stringify(timeout)} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (10 minutes), e.g. --timeout 30000`)
  }
  return ms
}

const MAX_REQUEST_BODY_BYTES = 1024 * 1024

function checkBody(body) {
  if (body === undefined || body === null) return undefined
  if (typeof body !== 'string') throw new UsageError('the request body (--data) must be a string')
  if (Buffer.byteLength(body) > MAX_REQUEST_BODY_BYTES) throw new UsageError(`the request body (--data) is over ${MAX_REQUEST_BODY_BYTES} bytes`)
  return body
}

const SPACES = ['public', 'local', 'loopback']
const PERMISSIONS = ['loopback-network', 'local-network']
const STATES = ['granted', 'denied', 'prompt']

function checkSpace(option, space) {
  if (space === undefined || space === null) return undefined
  if (!SPACES.includes(space)) throw new UsageError(`${option} ${JSON.stringify(space)} must be public, local or loopback, e.g. ${option} public`)
  return space
}

/** `{ 'loopback-network': 'granted' }` or `['loopback-network=granted']` (--permission, repeatable). */
function checkPermissions(permissions = {}) {
  const pairs = Array.isArray(permissions)
    ? permissions.map((p) => {
      const text = String(p)
      const equals = text.indexOf('=')
      if (equals <= 0) throw new UsageError(`--permission ${JSON.stringify(text)} must look like loopback-network=granted`)
      return [text.slice(0, equals).trim(), text.slice(equals + 1).trim()]
    })
    : Object.entries(permissions ?? {})
  const result = {}
  for (const [name, state] of pairs) {
    if (!PERMISSIONS.includes(name)) throw new UsageError(`--permission ${JSON.stringify(name)} is not a permission; use loopback-network (this machine) or local-network (private addresses)`)
    if (!STATES.includes(state)) throw new UsageError(`--permission ${name}=${JSON.stringify(state)}: the state must be granted, denied or prompt, e.g. ${name}=granted`)
    result[name] = state
  }
  return result
}

const MAX_HELD_COOKIES = 64
// A name and value may have 4096 bytes together, attributes a few hundred more.
const MAX_HELD_COOKIE_LENGTH = 8192

/** `--cookie 'name=value; attributes'`: cookies the browser already holds for the URL's site. */
function checkCookies(cookies = []) {
  const list = Array.isArray(cookies) ? cookies : [cookies]
  if (list.length > MAX_HELD_COOKIES) throw new UsageError(`--cookie is given ${list.length} times; at most ${MAX_HELD_COOKIES}`)
  return list.map((cookie) => {
    if (typeof cookie !== 'string' || !/^[^;=]*=/.test(cookie)) {
      throw new UsageError(`--cookie ${JSON.stringify(cookie)} must look like a Set-Cookie value, 'name=value; attributes', e.g. --cookie 'sid=abc; Secure; SameSite=None'`)
    }
    if (cookie.length > MAX_HELD_COOKIE_LENGTH) throw new UsageError(`--cookie ${JSON.stringify(cookie.slice(0, 40))}... is over ${MAX_HELD_COOKIE_LENGTH} characters; browsers keep at most 4096 bytes of name and value`)
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(cookie)) throw new UsageError(`--cookie ${JSON.stringify(cookie)} has a control character; browsers ignore such a cookie`)
    return cookie
  })
}

/** `--resolve host:port:address` (as curl): connect there instead of looking the host up. */
function checkResolve(entries = []) {
  const list = Array.isArray(entries) ? entries : [entries]
  const resolve = new Map()
  for (const entry of list) {
    const match = typeof entry === 'string' && /^([^:[\]]+|\[[0-9a-fA-F:.]+\]):(\d{1,5}):\[?([0-9a-fA-F:.]+?)\]?$/.exec(entry)
    const port = match ? Number(match[2]) : 0
    if (!match || port < 1 || port > 65535 || net.isIP(match[3]) === 0) {
      throw new UsageError(`--resolve ${JSON.stringify(entry)} must be host:port:address with an IP address, as curl takes it, e.g. --resolve api.example.com:443:127.0.0.1`)
    }
    resolve.set(`${match[1].toLowerCase()}:${port}`, match[3])
  }
  return resolve
}

/** The validated request and limits of one check. */
function checkOptions(url, options = {}) {
  if (!options || typeof options !== 'object') throw new UsageError('check(url, options) needs an options object with at least { origin }')
  return {
    request: {
      url: checkUrl(url),
      origin: checkOrigin(options.origin),
      method: checkMethod(options.method),
      headers: checkHeaders(options.headers),
      credentials: checkCredentials(options.credentials),
      pageAddressSpace: checkSpace('--page-address-space', options.pageAddressSpace),
      serverAddressSpace: checkSpace('--server-address-space', options.serverAddressSpace),
      targetAddressSpace: checkSpace('--target-address-space', options.targetAddressSpace),
      permissions: checkPermissions(options.permissions),
    },
    body: checkBody(options.body),
    timeoutMs: checkTimeout(options.timeout),
    cookies: checkCookies(options.cookies),
    connect: { resolve: checkResolve(options.resolve), insecure: options.insecure === true },
    probes: options.probes !== false,
  }
}

module.exports = { checkOptions, checkUrl, checkOrigin, checkMethod, checkHeaders, checkTimeout, UsageError, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS }
