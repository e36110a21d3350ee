'use strict'
// A check case's request, `{ origin, method, headers: [[n, v]], credentials: bool, body }`, in
// the two forms it is sent: check()'s options and the page's fetch() init.

const checkOptions = (c) => ({ origin: c.origin, method: c.method, headers: c.headers, credentials: c.credentials, body: c.body })

/** The page's fetch() init for case `c`. */
function fetchInit(c) {
  const init = { method: c.method ?? 'GET', headers: Object.fromEntries(c.headers ?? []), credentials: c.credentials ? 'include' : 'same-origin' }
  if (c.body !== undefined) init.body = c.body
  return init
}

module.exports = { checkOptions, fetchInit }
