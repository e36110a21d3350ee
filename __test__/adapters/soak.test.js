'use strict'
// A short soak (100,000 requests, a third from new random origins) through a real Express 5
// server: no errors, and the server's RSS stays flat because the decision cache is bounded.
const test = require('node:test')
const assert = require('node:assert/strict')
const { soak } = require('../../bench/soak')

test('100,000 requests leave no errors and a flat RSS', { timeout: 5 * 60_000 }, async (t) => {
  const result = await soak(100_000)
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(1)
  t.diagnostic(`${result.requests} requests in ${result.seconds.toFixed(1)} s; RSS MB start ${mb(result.rss.start)}, middle ${mb(result.rss.middle)}, end ${mb(result.rss.end)}`)
  assert.ok(result.requests >= 100_000)
  assert.equal(result.errors, 0)
  assert.equal(result.non2xx, 0)
  assert.ok(result.rss.end - result.rss.start < 64 * 2 ** 20, 'RSS grew by less than 64 MB')
})
