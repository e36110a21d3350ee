'use strict'
// cors-native/fetch in a real Hono server decides exactly like cors-native in Express: for every
// option set of the differential matrix and every kind of request, over HTTP, the same status
// and the same CORS headers.
const test = require('node:test')
const assert = require('node:assert/strict')
const express = require('express')
const { Hono } = require('hono')
const { serve } = require('@hono/node-server')
const { createCors } = require('cors-native/fetch')
const { optionMatrix } = require('../support/option-matrix')
const { requestKinds } = require('../support/request-kinds')
const { differentialApp, listen } = require('../support/differential-server')
const { corsHeaders } = require('../support/cors-headers')
const { request, agent } = require('../support/http-client')

const ROUTE_ANSWER = 'the route answered'

/** A Hono app serving option set n under /native/n, cors-native/fetch as its middleware. */
function honoApp(optionSets) {
  // wrap() runs the rest of Hono's chain as the handler and decorates the response it leaves.
  const handlers = optionSets.map(({ options }) => createCors(options).wrap((request, c, next) => next().then(() => c.res)))
  const app = new Hono()
  app.use('/native/:index', (c, next) => handlers[Number(c.req.param('index'))](c.req.raw, c, next))
  app.all('/native/:index', (c) => {
    const presetVary = c.req.header('x-preset-vary')
    if (presetVary) c.header('Vary', presetVary)
    return c.text(`${ROUTE_ANSWER} ${c.req.method}`)
  })
  return app
}

function listenHono(app) {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      resolve({ baseUrl: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(done)) })
    })
  })
}

async function mapConcurrently(items, concurrency, task) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

test('cors-native/fetch under Hono answers like cors-native under Express', async (t) => {
  const optionSets = optionMatrix()
  const logged = t.mock.method(console, 'error', () => {})
  const expressServer = await listen(differentialApp(express, optionSets))
  const honoServer = await listenHono(honoApp(optionSets))
  t.after(async () => {
    agent.destroy()
    await Promise.all([expressServer.close(), honoServer.close()])
  })
  const cases = []
  optionSets.forEach((set, index) => requestKinds.forEach((kind) => cases.push([index, kind])))
  let compared = 0
  const differences = []
  await mapConcurrently(cases, 8, async ([index, [kindName, method, headers]]) => {
    const viaExpress = await request(`${expressServer.baseUrl}/native/${index}`, { method, headers })
    const viaHono = await request(`${honoServer.baseUrl}/native/${index}`, { method, headers })
    // The preset Vary stands for middleware before CORS, which the Hono route stands in for
    // only when the request reaches it (a preflight answered by CORS never does).
    if (headers['X-Preset-Vary'] && !viaHono.body.startsWith(ROUTE_ANSWER)) return
    compared++
    try {
      assert.deepEqual(
        { status: viaHono.status, headers: corsHeaders(viaHono.headers) },
        { status: viaExpress.status, headers: corsHeaders(viaExpress.headers) },
      )
    } catch (difference) {
      differences.push(`${optionSets[index].label} | ${kindName}\n${difference.message}`)
    }
  })
  t.diagnostic(`${compared - differences.length} of ${compared} responses identical; ${logged.mock.callCount()} failures logged`)
  assert.ok(compared > 13000)
  assert.equal(differences.length, 0, differences.slice(0, 3).join('\n\n'))
})

test('cors.middleware is Hono middleware: preflights answered, the route response decorated', async () => {
  const cors = createCors({ origin: ['https://app.example.com'], credentials: true })
  const app = new Hono()
  app.use('/api/*', cors.middleware)
  app.get('/api/items', (c) => c.json([1]))
  const origin = 'https://app.example.com'

  const preflight = await app.request('/api/items', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT' },
  })
  assert.equal(preflight.status, 204)
  assert.equal(preflight.headers.get('access-control-allow-origin'), origin)
  assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true')

  const listed = await app.request('/api/items', { headers: { Origin: origin } })
  assert.equal(listed.status, 200)
  assert.deepEqual(await listed.json(), [1])
  assert.equal(listed.headers.get('access-control-allow-origin'), origin)
  assert.equal(listed.headers.get('vary'), 'Origin')

  const other = await app.request('/api/items', { headers: { Origin: 'https://evil.example' } })
  assert.equal(other.status, 200)
  assert.equal(other.headers.get('access-control-allow-origin'), null)

  const missing = await app.request('/api/none', { headers: { Origin: origin } })
  assert.equal(missing.status, 404)
  assert.equal(missing.headers.get('access-control-allow-origin'), origin)
})
