// Run by __test__/jest26.test.js under Jest 26, whose resolver cannot load `node:` specifiers.
const cors = require('../..')

test('cors-native loads and builds middleware under Jest', () => {
  expect(typeof cors({ origin: 'https://app.example.com' })).toBe('function')
})
