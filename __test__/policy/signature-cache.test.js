'use strict'
const test = require('node:test')
const assert = require('node:assert/strict')
const { SignatureCache, signature } = require('../../lib/policy/signature-cache')

function countingCache() {
  const compiled = []
  return { cache: new SignatureCache((value) => compiled.push(value) && { value }), compiled }
}

test('equal options built per request compile once', () => {
  const { cache, compiled } = countingCache()
  const check = () => {}
  for (let i = 0; i < 50; i++) cache.get({ origin: ['https://a.example', /^https:\/\/b\./i], credentials: true, check })
  assert.equal(compiled.length, 1)
})

test('content that differs compiles separately, including explicit undefined and function identity', () => {
  const { cache, compiled } = countingCache()
  cache.get({ origin: true })
  cache.get({ origin: false })
  cache.get({ origin: undefined })
  cache.get({})
  cache.get({ origin: /a/ })
  cache.get({ origin: /a/i })
  cache.get({ origin: () => {} })
  cache.get({ origin: () => {} })
  cache.get(['1'])
  cache.get([1])
  assert.equal(compiled.length, 10)
})

test('a mutated object is compiled again', () => {
  const { cache, compiled } = countingCache()
  const list = ['https://a.example']
  cache.get(list)
  list.push('https://b.example')
  assert.deepEqual(cache.get(list).value, list)
  assert.equal(compiled.length, 2)
})

test('the number of remembered policies is bounded', () => {
  const { cache, compiled } = countingCache()
  for (let i = 0; i < 1000; i++) cache.get({ origin: `https://${i}.example` })
  cache.get({ origin: 'https://0.example' })
  assert.equal(compiled.length, 1001, 'the oldest was evicted and compiled again')
  assert.ok(cache.bySignature.size <= 64)
})

test('signatures tell strings from String objects and numbers from strings', () => {
  assert.notEqual(signature('1'), signature(1))
  assert.notEqual(signature('a'), signature(new String('a')))
  assert.equal(signature({ a: 1, b: 2 }), signature({ b: 2, a: 1 }))
})
