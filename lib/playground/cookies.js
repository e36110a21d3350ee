'use strict'
// The playground's cookies: the "Response sets cookie" field, checked before the API origin
// adds it to its route's answers, and which cookies the browser's requests carried, read from
// the API origin's log (what this browser really did, beside what the cookie model says).

// Chromium's limit for a whole cookie line; the field is a header value, so printable ASCII only.
const MAX_SET_COOKIE = 4096
const MAX_NAMES = 64
const MAX_NAME = 256

/** The field's value as the API origin will send it ('' for none), or a TypeError naming it. */
function setCookieField(value) {
  if (value === undefined || value === null || value === '') return ''
  if (typeof value !== 'string') throw new TypeError('Response sets cookie: must be a Set-Cookie value such as sid=1; SameSite=Lax')
  if (value.length > MAX_SET_COOKIE) throw new TypeError(`Response sets cookie: ${value.length} characters is over the ${MAX_SET_COOKIE} browsers keep; shorten the value`)
  const bad = /[^\x20-\x7e]/.exec(value)
  if (bad) throw new TypeError(`Response sets cookie: character ${JSON.stringify(bad[0])} at ${bad.index + 1} cannot be in a header value; use printable ASCII, such as sid=1; SameSite=Lax`)
  return value.trim()
}

/** The names of the cookies the logged requests carried (bounded: they came from the network). */
function cookiesCarried(entries) {
  const names = new Set()
  for (const entry of entries) {
    for (const [name, value] of entry.request.headers) {
      if (name !== 'cookie') continue
      for (const pair of String(value).split(';')) {
        const cookie = pair.split('=')[0].trim().slice(0, MAX_NAME)
        if (cookie && names.size < MAX_NAMES) names.add(cookie)
      }
    }
  }
  return [...names]
}

module.exports = { setCookieField, cookiesCarried }
