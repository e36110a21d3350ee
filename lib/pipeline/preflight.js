'use strict'
// What counts as a preflight, asked by every adapter, the pipeline, the DEBUG log and every
// exchange builder.

/**
 * Whether a request gets the preflight answer: an OPTIONS in any case, as cors upper-cases the
 * method. The length test spares the upper-casing for every other method.
 */
function isPreflightMethod(method) {
  return method === 'OPTIONS' || (typeof method === 'string' && method.length === 7 && method.toUpperCase() === 'OPTIONS')
}

/** Whether a request is a CORS preflight as browsers send it: OPTIONS with Access-Control-Request-Method. */
function isPreflight(method, requestMethod) {
  return isPreflightMethod(method) && typeof requestMethod === 'string' && requestMethod !== ''
}

module.exports = { isPreflightMethod, isPreflight }
