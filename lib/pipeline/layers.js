'use strict'
// Two cors-native policies on one response: `app.use(cors())` twice (or app- and router-level),
// a Hono middleware twice, proxy.ts and a Pages Router route's own middleware. Each writes its
// headers, so the last to allow an origin decides whatever the narrower one says, and a
// refusal is logged twice. The second policy to write warns once per route, naming where each was created.
const fs = require('fs')
const path = require('path')
const { SourceMap } = require('module')
const { fileURLToPath } = require('url')
const { warnOnce } = require('../policy/warnings')

const CODE = 'CORS_NATIVE_TWO_LAYERS'
// The package's own frames: the entry points (index.js) and lib/.
const OWN_FILES = [path.join(__dirname, '..') + path.sep, path.join(__dirname, '..', '..', 'index.js')]
const FRAME = /\(?(\S+?):(\d+):(\d+)\)?$/

// The last object a policy's headers went to (a ServerResponse, a Headers), and that policy's
// pipeline: a second layer runs on the same response right after the first, in the same chain.
// Not a mark on the response: a property added to every ServerResponse changes its hidden
// class, which made cors-native's middleware 1.4-1.8x slower on the bench harness. A layer that
// runs only after other requests interleaved is missed, never wrongly reported.
let lastTarget = null
let lastWriter = null

// proxy.ts's headers reach a Pages route's `res` as copies (Next.js sets them before the route
// runs); so its pipeline is kept by request until a route's own policy asks.
const PROXIED_LIMIT = 256
const proxied = new Map()

const ROUTES_WARNED = 20
const warnedRoutes = new Set()

/**
 * Where a policy is being created: the first stack frame outside this package, `{ file, line,
 * column }` (1-based), or null. Turned into text only when a warning needs it (siteText).
 */
function creationSite() {
  const holder = {}
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 30
  Error.captureStackTrace(holder, creationSite)
  Error.stackTraceLimit = limit
  // Another library's Error.prepareStackTrace may make `stack` something else than text.
  const stack = typeof holder.stack === 'string' ? holder.stack : ''
  for (const line of stack.split('\n').slice(1)) {
    const match = line.trim().match(FRAME)
    if (!match || match[1].startsWith('node:')) continue
    const file = filePath(match[1])
    if (OWN_FILES.some((own) => file.startsWith(own))) continue
    return { file, line: Number(match[2]), column: Number(match[3]) }
  }
  return null
}

/** A path from a stack frame or a source map: a file: URL as a path, anything else as it is. */
function filePath(location) {
  if (!location.startsWith('file://')) return location
  try {
    return fileURLToPath(location)
  } catch {
    return location
  }
}

/**
 * `file:line:column` relative to the working directory; in a bundle (Next.js's .next/ chunks),
 * the source file's position, read from the chunk's source map beside it when there is one.
 */
function siteText(site) {
  if (site === null) return 'an unknown place'
  let { file, line, column } = site
  const entry = sourceMapOf(file)?.findEntry(line - 1, column - 1)
  if (entry?.originalSource) {
    file = filePath(entry.originalSource)
    line = entry.originalLine + 1
    column = entry.originalColumn + 1
  }
  return `${path.isAbsolute(file) ? path.relative(process.cwd(), file) : file}:${line}:${column}`
}

// Read at most once per file, and only for the few sites a warning names.
const sourceMaps = new Map()

function sourceMapOf(file) {
  if (!sourceMaps.has(file)) {
    let map = null
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')))
    } catch {
      // No source map beside it (the usual case outside a bundle): the frame is shown as it is.
    }
    sourceMaps.set(file, map)
  }
  return sourceMaps.get(file)
}

/** The request's method, path and Origin as one key; `request` is a Node.js req or a Web Request. */
function requestKey(request) {
  const headers = request.headers
  const origin = typeof headers.get === 'function' ? headers.get('origin') : headers.origin
  return `${request.method} ${origin ?? ''} ${pathOf(urlOf(request))}`
}

function urlOf(request) {
  return request.originalUrl ?? request.url
}

/** The path of an origin-form (`/a?b`) or absolute URL; anything else (`*`) as it is. */
function pathOf(url) {
  const query = url.indexOf('?')
  const target = query < 0 ? url : url.slice(0, query)
  if (target.startsWith('/')) return target
  try {
    return new URL(target).pathname
  } catch {
    return target
  }
}

/** The request's path, at most 200 characters (Node.js and URL parsing leave no control characters in it). */
function shownPath(url) {
  const pathname = pathOf(url)
  return pathname.length > 200 ? `${pathname.slice(0, 200)}...` : pathname
}

/** proxy.ts decorated this request's response: a route's own policy that follows may find its headers. */
function noteProxied(pipeline, request) {
  if (proxied.size >= PROXIED_LIMIT) proxied.delete(proxied.keys().next().value)
  proxied.set(requestKey(request), pipeline)
}

/**
 * `pipeline` is about to write its headers to `target` (`res`, a Headers) for `request` (a
 * Node.js req or a Web Request). If another policy wrote there first, or proxy.ts did for this
 * request, warn once per route.
 */
function noteWriter(target, pipeline, request) {
  let first = lastTarget === target ? lastWriter : undefined
  lastTarget = target
  lastWriter = pipeline
  if (first === undefined && proxied.size > 0) {
    const key = requestKey(request)
    first = proxied.get(key)
    proxied.delete(key)
  }
  if (first === undefined || first === pipeline) return
  if (![first, pipeline].every((layer) => layer.policy === null || layer.policy.reports(CODE))) return
  // Once per route, and for a bounded number of routes: paths come from requests.
  const route = `${request.method} ${shownPath(urlOf(request))}`
  if (warnedRoutes.has(route) || warnedRoutes.size > ROUTES_WARNED) return
  warnedRoutes.add(route)
  if (warnedRoutes.size > ROUTES_WARNED) {
    return warnOnce(CODE, `more routes get the headers of two CORS policies; only the first ${ROUTES_WARNED} were named`)
  }
  warnOnce(CODE, `${route} gets the headers of two CORS policies, one created at ${siteText(first.site)} and ` +
    `one at ${siteText(pipeline.site)}; the last to write Access-Control-Allow-Origin decides, so the narrower ` +
    "one can be overridden, and each refusal is logged twice. Keep one layer: remove one, or narrow proxy.ts's " +
    'matcher to the routes without their own policy')
}

module.exports = { creationSite, noteProxied, noteWriter }
