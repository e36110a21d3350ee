'use strict'
// The Express / Connect / node:http adapter: reads an IncomingMessage into a RequestShape and
// applies the pipeline's Decision to the ServerResponse. Nothing is decided here.
const { requestShape } = require('../pipeline')
const { isPreflightMethod } = require('../pipeline/preflight')
const { noteWriter } = require('../pipeline/layers')
const { appendVary } = require('./vary')

function readRequest(req) {
  const headers = req.headers
  const method = req.method
  // Only a preflight needs its Access-Control-Request-* headers.
  if (!isPreflightMethod(method)) return requestShape(method, headers.origin, undefined, undefined, false)
  return requestShape(
    method,
    headers.origin,
    headers['access-control-request-method'],
    headers['access-control-request-headers'],
    headers['access-control-request-private-network'] === 'true',
  )
}

function applyDecision(decision, res, next) {
  const headers = decision.headers
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] === 'Vary') appendVary(res, headers[i + 1])
    else res.setHeader(headers[i], headers[i + 1])
  }
  if (!decision.end) return next()
  endResponse(decision, res)
}

function endResponse(decision, res) {
  // An explicit length, also for an empty body: Safari waits for a body otherwise.
  const body = decision.body
  res.statusCode = decision.status
  res.setHeader('Content-Length', body === null ? '0' : String(Buffer.byteLength(body)))
  if (body === null) res.end()
  else res.end(body)
}

function applyOrFail(error, decision, res, next) {
  if (error) next(error)
  else applyDecision(decision, res, next)
}

/** With DEBUG=cors-native only: the request and its URL, for the refusal log. */
function readRequestWithUrl(req) {
  const request = readRequest(req)
  const scheme = req.socket?.encrypted ? 'https' : 'http'
  request.url = `${scheme}://${req.headers.host ?? 'localhost'}${req.originalUrl ?? req.url ?? '/'}`
  return request
}

/** The `(req, res, next)` middleware of a pipeline. */
function middleware(pipeline) {
  const read = pipeline.log === null ? readRequest : readRequestWithUrl
  if (pipeline.sync) {
    return function corsMiddleware(req, res, next) {
      noteWriter(res, pipeline, req)
      applyDecision(pipeline.decideNow(read(req)), res, next)
    }
  }
  return function corsMiddleware(req, res, next) {
    noteWriter(res, pipeline, req)
    pipeline.decide(read(req), req, applyOrFail, res, next)
  }
}

module.exports = { middleware }
