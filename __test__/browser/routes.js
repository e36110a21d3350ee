'use strict'
// What a scenario's route answers behind the CORS middleware, the same in every target:
// { status, headers, body } (body null for none), or a thrown error for route 'throws'.
// Every scenario lives under /s/<index> (route 'no-options' under /no-options/<index>, where
// only PUT has a handler); redirects lead to <path>/final on the chosen origin. A scenario's
// `preflightHeaders` (with preflightContinue) and `answerHeaders` are added to the answers.

const { isPreflightMethod } = require('../../lib/pipeline/preflight')

const REDIRECTS = { 'redirect-same': ['api', 302], 'redirect-same-307': ['api', 307], 'redirect-cross': ['alt', 302], 'redirect-cross-307': ['alt', 307], 'redirect-https': ['secure', 302] }
const OPTIONS_STATUS = { 'answers-options': 204, 'refuses-options': 404, 'options-302': 302, 'options-401': 401, 'options-500': 500 }

function pathOf(index, scenario) {
  return `/${scenario.route === 'no-options' ? 'no-options' : 's'}/${index}`
}

/**
 * The JSON body tells the page the Cookie and Authorization the route received.
 * `env` holds the API's origins ({ api, alt, secure }); `final` is true on the redirect target.
 * Only reached for OPTIONS when the middleware continues (preflightContinue).
 */
function routeAnswer(scenario, index, { method, cookie, authorization, final }, env) {
  const body = JSON.stringify({ cookie: cookie ?? null, authorization: authorization ?? null, method, final })
  const json = (status) => ({ status, headers: { 'Content-Type': 'application/json', 'X-Total-Count': '42', ...scenario.answerHeaders }, body })
  // The redirect's target does not route OPTIONS: its preflight gets a 404.
  const preflight = isPreflightMethod(method)
  if (final && preflight && scenario.route === 'redirect-cross-307') return { status: 404, headers: {}, body: null }
  if (final) return json(200)
  if (preflight && scenario.preflightHeaders) return { status: 204, headers: scenario.preflightHeaders, body: null }
  if (preflight && OPTIONS_STATUS[scenario.route]) return { status: OPTIONS_STATUS[scenario.route], headers: {}, body: null }
  if (scenario.route === 'throws') throw new Error('handler bug')
  if (scenario.route === 'status-404') return json(404)
  // Redirects to schemes fetch() does not follow.
  if (scenario.route === 'redirect-data') return { status: 302, headers: { Location: 'data:text/plain,moved' }, body: null }
  if (scenario.route === 'redirect-ftp') return { status: 302, headers: { Location: `ftp://127.0.0.1${pathOf(index, scenario)}/final` }, body: null }
  const redirect = REDIRECTS[scenario.route]
  if (redirect) return { status: redirect[1], headers: { Location: `${env[redirect[0]]}${pathOf(index, scenario)}/final` }, body: null }
  return json(200)
}

module.exports = { pathOf, routeAnswer }
