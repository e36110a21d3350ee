'use strict'
// A Fetch API Headers object seen through the two methods of a Node response that the header
// writers use, so the Next.js helpers write exactly what the Express middleware writes.

function asResponseHeaders(headers) {
  return {
    getHeader: (name) => headers.get(name) ?? undefined,
    setHeader: (name, value) => headers.set(name, value),
  }
}

module.exports = { asResponseHeaders }
