'use strict'
// cors-native/fetch: the adapter for any Fetch-API server on Node (Hono, React Router/Remix,
// SvelteKit, Astro, plain Request -> Response handlers). It reads a Web Request into a
// RequestShape and applies the pipeline's Decision to a Web Response. Nothing is decided here.
const vary = require('vary')
const { Pipeline, requestShape } = require('../pipeline')
const { isPreflightMethod } = require('../pipeline/preflight')
const { noteWriter } = require('../pipeline/layers')

// By shape, not instanceof: a Request from another realm or a subclass (NextRequest) is one too.
function hasHeaders(value) {
  return value !== null && typeof value === 'object' && value.headers !== null && typeof value.headers === 'object'
}

/** Refuses anything but a Fetch Request, and names the API a Node.js (req, res) pair needs. */
function checkRequest(request, helper) {
  if (hasHeaders(request) && typeof request.headers.get === 'function') return
  const what = hasHeaders(request)
    ? 'a Node.js IncomingMessage (a Next.js Pages Router API route, Express or node:http handler); use the middleware from the package root instead: cors(options)(req, res, next) from require("cors-native")'
    : `${request === null ? 'null' : typeof request}, not a Fetch API Request`
  throw new TypeError(`cors-native: ${helper} received ${what}`)
}

function readRequest(request) {
  const headers = request.headers
  const method = request.method
  const origin = headers.get('origin') ?? undefined
  if (!isPreflightMethod(method)) return requestShape(method, origin, undefined, undefined, false)
  return requestShape(
    method,
    origin,
    headers.get('access-control-request-method') ?? undefined,
    headers.get('access-control-request-headers') ?? undefined,
    headers.get('access-control-request-private-network') === 'true',
  )
}

/** Writes the decision's headers into a Headers object, merging Vary as the `vary` package does. */
function writeHeaders(target, decision) {
  const list = decision.headers
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i]
    const value = list[i + 1]
    if (name !== 'Vary') {
      target.set(name, value)
      continue
    }
    const present = target.get('vary')
    const merged = present === null ? value : vary.append(present, value)
    if (merged) target.set('Vary', merged)
  }
}

/** The response a decision answers with on its own (a preflight, a strict refusal). */
function answer(decision) {
  const headers = new Headers()
  writeHeaders(headers, decision)
  return new Response(decision.body, { status: decision.status, headers })
}

function internalServerError() {
  return new Response('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** Resolves with the decision, or with null after logging why it failed (answered with a 500). */
function settleOrLog(error, decision, resolve) {
  if (error) console.error('cors-native: the CORS decision failed:', error)
  resolve(error ? null : decision)
}

/** Adds the headers to the response, or to a copy if its headers are immutable (as from fetch). */
function decorateWith(response, decision, request, pipeline) {
  noteWriter(response.headers, pipeline, request)
  try {
    writeHeaders(response.headers, decision)
    return response
  } catch (immutable) {
    if (!(immutable instanceof TypeError)) throw immutable
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers })
    writeHeaders(copy.headers, decision)
    return copy
  }
}

/**
 * The helpers for one policy, and its pipeline. `options` are cors options, or a delegate
 * `(request, callback) => callback(error, options)` receiving the Web Request.
 * `controlFlow(error)` turns an error a handler throws for control flow (Next.js's redirect())
 * into the response it stands for, rethrows one that is not CORS's to answer, or returns null for
 * a failure (a logged 500).
 */
function createFetchCors(options, controlFlow = () => null) {
  const pipeline = new Pipeline(options)
  const status = pipeline.policy?.headers.optionsSuccessStatus
  // Node sends 100-999; a Fetch Response only 200-599.
  if (status < 200 || status > 599) throw new TypeError(`cors-native: optionsSuccessStatus: ${status} cannot be the status of a Fetch Response; use 204 (the default) or 200`)

  function decideAsync(request, shape) {
    return new Promise((resolve) => pipeline.decide(shape, request, settleOrLog, resolve))
  }

  /** The decision, or null after logging a failing delegate or origin function (a 500). */
  function decide(request) {
    const shape = readRequest(request)
    if (pipeline.log !== null) shape.url = request.url // only for the refusal log
    return pipeline.sync ? pipeline.decideNow(shape) : decideAsync(request, shape)
  }

  function settled(request) {
    return Promise.resolve(decide(request))
  }

  /** Wraps a handler: preflights are answered (unless preflightContinue), the response decorated. */
  function wrap(handler) {
    if (typeof handler !== 'function') throw new TypeError('cors-native: wrap(handler): handler must be a function (request) => Response')
    async function run(request, rest) {
      const pending = decide(request)
      const decision = pending instanceof Promise ? await pending : pending
      if (decision === null) return internalServerError()
      if (decision.end) return answer(decision)
      let response
      try {
        response = await handler(request, ...rest)
      } catch (error) {
        response = controlFlow(error)
        if (response === null) {
          console.error('cors-native: the handler threw; answering 500 with CORS headers:', error)
          response = internalServerError()
        }
      }
      return decorateWith(response, decision, request, pipeline)
    }
    return function corsHandler(request, ...rest) {
      checkRequest(request, 'wrap(handler)')
      return run(request, rest)
    }
  }

  /** Answers a preflight (also with preflightContinue: there is nothing to continue to). */
  function preflight(request) {
    checkRequest(request, 'preflight(request)')
    return settled(request).then((decision) => (decision === null ? internalServerError() : answer(decision)))
  }

  /** Adds the CORS headers to `response`; a preflight CORS answers itself gets that answer. */
  function decorate(request, response) {
    checkRequest(request, 'decorate(request, response)')
    if (!(response instanceof Response)) throw new TypeError('cors-native: decorate(request, response): response must be a Response')
    return settled(request).then((decision) => {
      if (decision === null) return internalServerError()
      return decision.end ? answer(decision) : decorateWith(response, decision, request, pipeline)
    })
  }

  /** Every method handler wrapped, plus OPTIONS: `export const { GET, POST, OPTIONS } = cors.routes({ GET, POST })`. */
  function routes(handlers) {
    if (handlers === null || typeof handlers !== 'object') throw new TypeError('cors-native: routes(handlers): pass an object of method handlers, such as { GET, POST }')
    const wrapped = { OPTIONS: preflight }
    for (const [method, handler] of Object.entries(handlers)) wrapped[method] = wrap(handler)
    return wrapped
  }

  /** Hono-style middleware `(c, next)`: the rest of the chain is the handler, `c.res` its response. */
  const chain = wrap((request, c, next) => next().then(() => c.res))
  function middleware(c, next) {
    return chain(c.req.raw, c, next)
  }

  return { pipeline, helpers: { wrap, preflight, decorate, routes, middleware } }
}

/** Compiles the options (the same as the Express middleware's) once; throws a TypeError if invalid. */
function createCors(options) {
  return createFetchCors(options).helpers
}

module.exports = { createCors, createFetchCors, checkRequest }
