'use strict'
// The browser conformance scenarios. Each has a `name`, `options(env)` (the policy; env holds
// the page origin `page` and the API origins `api`, `alt`, `secure`), the page's fetch `init`,
// and the verdict the engines must reach in `expect`: 'ok' (the page reads the response) or
// 'blocked' (fetch rejects). Overrides, each with a `why`: `native` where cors-native
// deliberately differs from cors, `targets[key]` for one target, `engines[name]` where the
// engines differ among themselves. Optional checks: `status`, `reads` (response headers the
// page reads), `received` (the Cookie or Authorization the route got, null for none), `optionsHits` (a number, or per engine with a
// `why`) after `repeat` fetches, `preflightStatus` per flavour. `route`, `preflightHeaders`,
// `answerHeaders` and `frame` shape the server's answers (../routes.js) and the page side.
const { policyScenarios } = require('./policies')
const { protocolScenarios } = require('./protocol')
const { edgeScenarios } = require('./edges')

module.exports = { scenarios: [...policyScenarios, ...protocolScenarios, ...edgeScenarios] }
