'use strict'
const test = require('node:test')
const assert = require('node:assert/strict')
const { BoundedMemo, MAX_ENTRIES, MAX_KEY_LENGTH } = require('../../lib/policy/bounded-memo')

// `random` decides admission; 0 admits every miss.
function countingCache(random = () => 0) {
  const calls = []
  const cache = new BoundedMemo((key) => {
    calls.push(key)
    return key.endsWith('.allowed')
  }, random)
  return { cache, calls }
}

test('a repeated key is decided once', () => {
  const { cache, calls } = countingCache()
  assert.equal(cache.get('https://a.allowed'), true)
  assert.equal(cache.get('https://a.allowed'), true)
  assert.equal(cache.get('https://b.refused'), false)
  assert.equal(cache.get('https://b.refused'), false)
  assert.deepEqual(calls, ['https://a.allowed', 'https://b.refused'])
})

test('the cache stays bounded whatever keys arrive, dropping the oldest', () => {
  const { cache, calls } = countingCache()
  for (let i = 0; i < MAX_ENTRIES * 3; i++) cache.get(`https://client${i}.example`)
  assert.equal(cache.size, MAX_ENTRIES)
  calls.length = 0
  cache.get(`https://client${MAX_ENTRIES * 3 - 1}.example`)
  cache.get('https://client0.example')
  assert.deepEqual(calls, ['https://client0.example'], 'the newest is kept, the oldest was evicted')
})

test('keys longer than any real origin are decided every time and never stored', () => {
  const { cache, calls } = countingCache()
  const huge = 'https://' + 'a'.repeat(MAX_KEY_LENGTH) + '.allowed'
  assert.equal(cache.get(huge), true)
  assert.equal(cache.get(huge), true)
  assert.equal(calls.length, 2)
  assert.equal(cache.size, 0)
})

test('a key still in the older generation is not decided again', () => {
  const { cache, calls } = countingCache()
  cache.get('https://early.allowed')
  for (let i = 0; i < MAX_ENTRIES / 2; i++) cache.get(`https://client${i}.example`)
  calls.length = 0
  assert.equal(cache.get('https://early.allowed'), true)
  assert.deepEqual(calls, [])
})

test('a miss is remembered with probability 1/8, so one-off origins cause no Map churn', () => {
  const draws = [0.5, 0.2, 0.13, 0.12]
  const { cache, calls } = countingCache(() => draws.shift())
  for (let i = 0; i < 4; i++) cache.get('https://a.allowed')
  assert.equal(calls.length, 4, 'draws of 0.5, 0.2 and 0.13 do not admit; 0.12 (< 1/8) does')
  cache.get('https://a.allowed')
  assert.equal(calls.length, 4)
})

test('with real randomness a repeated origin is remembered within a few requests', () => {
  const { cache, calls } = countingCache(Math.random)
  for (let i = 0; i < 500; i++) cache.get('https://hot.allowed')
  assert.ok(calls.length < 500, `decided ${calls.length} times`)
  const before = calls.length
  cache.get('https://hot.allowed')
  assert.equal(calls.length, before)
})
