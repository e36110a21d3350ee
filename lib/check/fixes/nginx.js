'use strict'
// Fixes in nginx's words: add_header lines, and the ways they go missing (no `always` on
// errors; inheritance lost to a location's or an if block's own add_header) or come twice.
const { originAdvice, sentence } = require('./words')

const line = ([name, value]) => `add_header ${name} ${value.startsWith('$') ? value : `"${value}"`} always;`

/** The add_header lines the patch asks for; another allowed origin is kept with a map. */
function lines(w, pairs) {
  const byMap = w.origin && w.was && w.was !== '*' && !w.typo
  const map = byMap ? `map $http_origin $cors_origin { default ""; "${w.was}" $http_origin; "${w.origin}" $http_origin; } (in http {}), then ` : ''
  const set = pairs.map(([name, value]) => [name, byMap && name === 'Access-Control-Allow-Origin' ? '$cors_origin' : value])
  if (w.origin && !set.some(([name]) => name.toLowerCase() === 'vary')) set.push(['Vary', 'Origin'])
  return map + set.map(line).join(' ')
}

/** What the patch sets, in the order browsers check it. */
function patched(w) {
  return [
    w.origin && ['Access-Control-Allow-Origin', w.origin],
    w.credentials && ['Access-Control-Allow-Credentials', 'true'],
    w.methods && ['Access-Control-Allow-Methods', w.methods.join(', ')],
    w.headers && ['Access-Control-Allow-Headers', w.headers.join(', ')],
  ].filter(Boolean)
}

function nginx(w) {
  if (w.failure === 'multiple-allow-origin') return 'both nginx and the application behind it send Access-Control-Allow-Origin: keep one, e.g. `proxy_hide_header Access-Control-Allow-Origin;` in this location to keep only nginx\'s'
  const origin = originAdvice(w, 'these lines (for several origins, a map $http_origin $cors_origin with one line per origin, never $http_origin alone)')
  // A block with add_header lines of its own inherits none: it must repeat every CORS header.
  const block = `if ($request_method = OPTIONS) { ${lines(w, w.current)} return 204; }`
  if (w.step === 'preflight' && w.status) {
    return sentence([`OPTIONS got ${w.answerStatus} (auth_basic, limit_except or the application answered it): answer the preflight first, at the top of the location: \`${block}\``, origin])
  }
  if (!w.corsRan && w.answerStatus >= 400) {
    return sentence([`this ${w.answerStatus} has no CORS headers because nginx adds add_header lines only to 2xx and 3xx answers unless they end in always: \`${lines(w, patched(w))}\``, origin])
  }
  if (!w.corsRan) {
    return sentence([`a location (or if block) with any add_header of its own inherits none from the server block: repeat the CORS lines in this location, \`${lines(w, patched(w))}\``, origin])
  }
  if (w.step === 'preflight' && w.origin && !w.was) {
    return sentence([`an add_header inside the if block that answers OPTIONS replaces every add_header of the location: repeat them all inside it, \`${block}\``, origin])
  }
  return sentence([`replace these add_header lines (the lists keep every value you send today): \`${lines(w, patched(w))}\``, origin])
}

module.exports = { nginx }
