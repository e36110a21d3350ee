'use strict'
// cors-native: a drop-in replacement for the Express `cors` middleware (also Connect, node:http
// and Next.js Pages Router API routes). Options are compiled once into a native policy; per
// request lib/adapters/express.js reads the request, lib/pipeline/ decides, lib/adapters/express.js writes.
const { Pipeline } = require('./lib/pipeline')
const { middleware } = require('./lib/adapters/express')
const { explain } = require('./lib/pipeline/explain')
const { fromEnv } = require('./lib/policy/from-env')

/**
 * A compiled policy that can explain itself: `explain({ origin, method, requestHeaders,
 * privateNetwork, credentials, url, cookies })`. Compile the options in each worker; the object
 * cannot be posted to one.
 */
class CorsPolicy {
  #pipeline

  constructor(options) {
    if (typeof options === 'function') {
      throw new TypeError('cors-native: compile(options): a delegate function needs a request; compile the options it answers with')
    }
    this.#pipeline = new Pipeline(options)
    // Structured clone would silently deliver {} to a worker; this property makes
    // postMessage throw a DataCloneError whose message says what to do instead.
    this.cannotBeCloned = function cors_native_policies_cannot_be_sent_to_workers__compile_the_options_in_each_worker() {}
  }

  /** The mistakes found in the options (also emitted once as process warnings). */
  get lints() {
    return this.#pipeline.policy.lints
  }

  explain(request) {
    return explain(this.#pipeline, request)
  }
}

/**
 * Creates the middleware. `options` is a cors options object, or a delegate
 * `(req, callback) => callback(error, options)` called on every request.
 */
function cors(options) {
  return middleware(new Pipeline(options))
}

module.exports = cors
module.exports.default = cors
module.exports.compile = (options) => new CorsPolicy(options)
module.exports.fromEnv = fromEnv
