'use strict'
// Next.js App Router helpers (Node.js runtime): the same options, policy and decisions as the
// Express middleware, applied to Web Request/Response objects.
const { compilePolicy, compileOriginList } = require('./policy')
const { PolicyCache } = require('./policy-cache')
const { staticAllowOrigin, allowOriginFor } = require('./origin-decision')
const { writeActualHeaders, writePreflightHeaders } = require('./write-headers')
const { appendVary } = require('./vary')
const { asResponseHeaders } = require('./fetch-headers')
const { STRICT_VARY, isStrictPreflight, strictRefusal, allowsPrivateNetwork } = require('./preflight-verdict')

function callbackToPromise(fn, argument) {
  return new Promise((resolve, reject) => {
    fn(argument, (error, value) => (error ? reject(error) : resolve(value)))
  })
}

/** Whether to answer as a preflight; in strict mode an OPTIONS without Origin or method is not. */
function answersAsPreflight(policy, request) {
  if (request.method !== 'OPTIONS') return false
  return !policy.strict || isStrictPreflight(request.headers.get('origin'), request.headers.get('access-control-request-method'))
}

function internalServerError() {
  return new Response('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

// Next.js signals redirect(), notFound() and dynamic rendering by throwing errors that carry a
// string `digest`; they are control flow for Next to handle, not failures.
function isNextControlFlow(error) {
  return error !== null && typeof error === 'object' && typeof error.digest === 'string'
}

function copyWithMutableHeaders(response) {
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers })
}

/**
 * Creates the helpers for one policy. `options` are cors options, or a delegate
 * `(request, callback) => callback(error, options)` receiving the Web Request.
 */
function createCors(options) {
  const originLists = new PolicyCache(compileOriginList)
  const policies = typeof options === 'function' ? new PolicyCache(compilePolicy) : null
  const staticPolicy = policies ? null : compilePolicy(options)

  function decideStatically(policy, request) {
    if (policy.originKind === 'disabled') return null
    const requestOrigin = request.headers.get('origin') ?? undefined
    return { policy, allowOrigin: staticAllowOrigin(policy, requestOrigin), varyOrigin: policy.headers.varyOrigin }
  }

  /** `null` when CORS does not apply to this request, else the policy and the origin to allow. */
  async function decide(request) {
    const policy = staticPolicy ?? policies.get(await callbackToPromise(options, request))
    if (!policy.originFunction) return decideStatically(policy, request)
    const requestOrigin = request.headers.get('origin') ?? undefined
    const answer = await callbackToPromise(policy.originFunction, requestOrigin)
    if (!answer) return null
    return { policy, allowOrigin: allowOriginFor(answer, requestOrigin, originLists), varyOrigin: answer !== '*' }
  }

  function setHeaders(headers, decision, request) {
    const { policy, allowOrigin, varyOrigin } = decision
    const res = asResponseHeaders(headers)
    if (answersAsPreflight(policy, request)) {
      const requestHeaders = request.headers.get('access-control-request-headers') ?? undefined
      if (policy.strict) appendVary(res, STRICT_VARY)
      writePreflightHeaders(res, policy.headers, allowOrigin, varyOrigin, requestHeaders)
      if (allowsPrivateNetwork(policy, request.headers.get('access-control-request-private-network'))) {
        res.setHeader('Access-Control-Allow-Private-Network', 'true')
      }
    } else {
      writeActualHeaders(res, policy.headers, allowOrigin, varyOrigin)
    }
  }

  function preflightResponse(decision, request) {
    const headers = new Headers()
    if (!decision) return new Response(null, { status: 204, headers })
    const refusal = decision.policy.strict && answersAsPreflight(decision.policy, request) ? strictRefusalOf(decision, request) : null
    if (refusal !== null) {
      headers.set('Vary', STRICT_VARY)
      headers.set('Content-Type', 'text/plain; charset=utf-8')
      return new Response(refusal, { status: 403, headers })
    }
    setHeaders(headers, decision, request)
    return new Response(null, { status: decision.policy.headers.optionsSuccessStatus, headers })
  }

  function strictRefusalOf({ policy, allowOrigin }, request) {
    return strictRefusal(policy, allowOrigin, {
      origin: request.headers.get('origin'),
      method: request.headers.get('access-control-request-method'),
      requestHeaders: request.headers.get('access-control-request-headers') ?? '',
      privateNetwork: request.headers.get('access-control-request-private-network') === 'true',
    })
  }

  const decidesStatically = staticPolicy !== null && !staticPolicy.originFunction

  /**
   * `{ decision }`, or `{ failed: true }` after logging why (a failing origin function or
   * delegate). A static policy answers synchronously, sparing the common case a promise.
   */
  function outcomeOf(request) {
    return decidesStatically ? { decision: decideStatically(staticPolicy, request) } : decideOrLog(request)
  }

  async function decideOrLog(request) {
    try {
      return { decision: await decide(request) }
    } catch (error) {
      console.error('cors-native: the CORS decision failed:', error)
      return { failed: true }
    }
  }

  /** The response that ends the request before the handler, if any: a failure or a preflight. */
  function answeredEarly({ decision, failed }, request) {
    if (failed) return internalServerError()
    if (decision && answersAsPreflight(decision.policy, request) && !decision.policy.headers.preflightContinue) {
      return preflightResponse(decision, request)
    }
    return null
  }

  /** Adds the headers to the response, or to a copy if its headers are immutable (fetch). */
  function decorate(response, decision, request) {
    if (!decision) return response
    try {
      setHeaders(response.headers, decision, request)
      return response
    } catch (immutable) {
      if (!(immutable instanceof TypeError)) throw immutable
      const copy = copyWithMutableHeaders(response)
      setHeaders(copy.headers, decision, request)
      return copy
    }
  }

  /** Wraps a route handler: answers preflights (unless preflightContinue) and adds the headers. */
  function wrap(handler) {
    return async function corsRouteHandler(request, context) {
      const pending = outcomeOf(request)
      const outcome = pending instanceof Promise ? await pending : pending
      const early = answeredEarly(outcome, request)
      if (early) return early
      let response
      try {
        response = await handler(request, context)
      } catch (error) {
        if (isNextControlFlow(error)) throw error
        console.error('cors-native: the route handler threw; answering 500 with CORS headers:', error)
        response = internalServerError()
      }
      return decorate(response, outcome.decision, request)
    }
  }

  /** A ready `OPTIONS` route handler answering preflights. */
  async function OPTIONS(request) {
    const outcome = outcomeOf(request)
    const { decision, failed } = outcome instanceof Promise ? await outcome : outcome
    if (failed) return internalServerError()
    return preflightResponse(decision, request)
  }

  /**
   * For proxy.ts (or middleware.ts on the Node.js runtime): answers preflights, and adds the
   * headers to `next`, the response that lets the request through (pass `NextResponse.next()`).
   */
  async function proxy(request, next) {
    if (!(next instanceof Response)) {
      throw new TypeError('cors-native: proxy(request, next): next must be a Response; pass NextResponse.next()')
    }
    const pending = outcomeOf(request)
    const outcome = pending instanceof Promise ? await pending : pending
    return answeredEarly(outcome, request) ?? decorate(next, outcome.decision, request)
  }

  return { wrap, OPTIONS, proxy }
}

module.exports = { createCors }
