// Run by __test__/jest26.test.js under Jest 26, whose resolver cannot load `node:` specifiers:
// every entry point (the package's exports and the CLI's commands) is loaded here.
const cors = require('../..')

test('cors-native loads and builds middleware under Jest', () => {
  expect(typeof cors({ origin: 'https://app.example.com' })).toBe('function')
})

test('its other entry points and CLI commands load under Jest', () => {
  expect(typeof require('../../lib/adapters/next').createCors).toBe('function')
  expect(typeof require('../../lib/adapters/fetch').createCors).toBe('function')
  expect(typeof require('../../lib/check').check).toBe('function')
  expect(typeof require('../../lib/check/cli').run).toBe('function')
  expect(typeof require('../../lib/why/cli').run).toBe('function')
  expect(typeof require('../../lib/playground/command')).toBe('function')
})
