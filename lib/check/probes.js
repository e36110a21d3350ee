'use strict'
// "Works but unsafe": probes with an origin nobody allowed and with `null`, and a look at
// Vary. A server that lets any page read credentialed responses leaks its users' data.
const crypto = require('crypto')
const { send, headerValue } = require('./http')
const { nextRequest, preflightFor } = require('../browser/model')

/**
 * What the browser sends first from `origin`. A request with no body (the model keeps none for
 * GET and HEAD) is safe to repeat; anything else is probed with its preflight only.
 */
function probeRequest(request, origin) {
  const from = { ...request, origin }
  const first = nextRequest('chromium', { request: from, preflight: null, responses: [] })
  const { method, url, headers } = first.purpose === 'preflight' || !first.body ? first : preflightFor(from)
  return { method, url, headers }
}

async function probe(request, origin, deadline, connect) {
  const response = await send({ ...probeRequest(request, origin), deadline, connect })
  const allowOrigin = headerValue(response.headers, 'access-control-allow-origin')
  return {
    allowOrigin,
    echoed: allowOrigin === origin,
    credentials: headerValue(response.headers, 'access-control-allow-credentials') === 'true',
  }
}

/** Returns `[{ code, message }]`; probe failures are not findings. */
async function findUnsafe(request, finalResponse, deadline, connect) {
  const findings = []
  const random = `https://cors-native-probe-${crypto.randomBytes(4).toString('hex')}.example`
  const [any, nullOrigin] = await Promise.all([
    probe(request, random, deadline, connect).catch(() => null),
    probe(request, 'null', deadline, connect).catch(() => null),
  ])
  if (any?.echoed) {
    findings.push(any.credentials
      ? { code: 'echoes-any-origin-with-credentials', message: `any origin (probed with ${random}) may read responses with the user's cookies: the server echoes every Origin with Access-Control-Allow-Credentials: true` }
      : { code: 'echoes-any-origin', message: `the server echoes any Origin (probed with ${random}); if that is intended, * says so without reflecting` })
  }
  if (nullOrigin?.echoed) {
    findings.push({ code: 'allows-null-origin', message: `Origin null is allowed${nullOrigin.credentials ? ' with credentials' : ''}: sandboxed iframes and data: URLs of any site send null` })
  }
  if (finalResponse && any) {
    const allowOrigin = headerValue(finalResponse.headers, 'access-control-allow-origin')
    const varies = (headerValue(finalResponse.headers, 'vary') ?? '').split(',').some((v) => ['origin', '*'].includes(v.trim().toLowerCase()))
    // Computed: another origin got another answer.
    if (allowOrigin !== undefined && allowOrigin !== '*' && allowOrigin !== 'null' && any.allowOrigin !== allowOrigin && !varies) {
      findings.push({ code: 'missing-vary-origin', message: `Access-Control-Allow-Origin is computed per request (${allowOrigin}) but the response has no Vary: Origin, so a shared cache can serve it to another origin` })
    }
  }
  return findings
}

module.exports = { findUnsafe }
