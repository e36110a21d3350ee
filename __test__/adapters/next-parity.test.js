'use strict'
// The Fetch adapter behind cors-native/next decides exactly like the Express middleware: for
// every option set of the differential matrix and every kind of request, cors.wrap() gives
// the same status and the same CORS headers as cors-native in a real Express 5 server.
const test = require('node:test')
const assert = require('node:assert/strict')
const express = require('express')
const { createCors } = require('../../lib/adapters/next')
const { optionMatrix } = require('../support/option-matrix')
const { requestKinds } = require('../support/request-kinds')
const { differentialApp, listen } = require('../support/differential-server')
const { corsHeaders } = require('../support/cors-headers')
const { request, agent } = require('../support/http-client')

async function viaFetchAdapter(cors, method, headers) {
  let reachedHandler = false
  const route = cors.wrap(async (req) => {
    reachedHandler = true
    const presetVary = req.headers.get('x-preset-vary')
    return new Response(`the route answered ${method}`, { headers: presetVary ? { Vary: presetVary } : {} })
  })
  const response = await route(new Request('http://127.0.0.1/route', { method, headers }), {})
  return { reachedHandler, status: response.status, headers: corsHeaders([...response.headers]) }
}

test('cors.wrap decides like the Express middleware on the whole option matrix', async (t) => {
  const optionSets = optionMatrix()
  const server = await listen(differentialApp(express, optionSets))
  const logged = t.mock.method(console, 'error', () => {})
  t.after(() => { agent.destroy(); return server.close() })
  let compared = 0
  const differences = []
  for (const [index, { label, options }] of optionSets.entries()) {
    const cors = createCors(options)
    for (const [kindName, method, headers] of requestKinds) {
      const viaExpress = await request(`${server.baseUrl}/native/${index}`, { method, headers })
      const expected = { status: viaExpress.status, headers: corsHeaders(viaExpress.headers) }
      const { reachedHandler, ...actual } = await viaFetchAdapter(cors, method, headers)
      // The preset Vary stands for earlier middleware, which Next.js has not: the handler sets it.
      if (headers['X-Preset-Vary'] && !reachedHandler) continue
      compared++
      try {
        assert.deepEqual(actual, expected)
      } catch (difference) {
        differences.push(`${label} | ${kindName}\n${difference.message}`)
      }
    }
  }
  t.diagnostic(`${compared - differences.length} of ${compared} decisions identical; ${logged.mock.callCount()} failures logged`)
  assert.equal(differences.length, 0, differences.slice(0, 3).join('\n\n'))
})
