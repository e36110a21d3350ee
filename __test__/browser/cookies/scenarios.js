'use strict'
// The cookie scenarios: a page, an API, the cookie's attributes, the fetch's credentials mode,
// and whether the cookie comes from the fetch's own response (`set`) or from an earlier
// top-level visit to the API (`held`). Each cookie gets a name of its own, so no scenario sees
// another's. Origins are named by role:
//   app      https://app.example.com  (the page; also the API for same-origin scenarios)
//   site     https://api.example.com  (same site as app)
//   cross    https://api.other.test   (another site)
//   otherApp https://app.other.test   (a page beside it: .test is on no public suffix list)
//   httpApp  http://app.example.com:<page port> (same domain as site, another scheme)
//   local    http://localhost:<page port>,  localApi http://localhost:<api port>
//   loopback http://127.0.0.1:<page port>,  loopApi  http://127.0.0.1:<api port>
const S = (id, page, api, set, mode = 'include', prefix = '') => ({ id, page, api, set, mode, prefix })
const H = (id, page, api, held, mode = 'include') => ({ id, page, api, held, mode, prefix: '' })

const SCENARIOS = [
  // Same origin: 'same-origin' (the default) carries cookies, 'omit' ignores Set-Cookie too.
  S('so-include', 'app', 'app', 'Path=/'),
  S('so-same-origin', 'app', 'app', 'Path=/', 'same-origin'),
  S('so-omit', 'app', 'app', 'Path=/', 'omit'),
  // Same site, another origin.
  S('ss-default', 'app', 'site', ''),
  S('ss-lax', 'app', 'site', 'SameSite=Lax'),
  S('ss-strict', 'app', 'site', 'SameSite=Strict; Secure; HttpOnly'),
  S('ss-none-secure', 'app', 'site', 'SameSite=None; Secure'),
  S('ss-none-insecure', 'app', 'site', 'SameSite=None'),
  S('ss-domain', 'app', 'site', 'Domain=example.com'),
  S('ss-domain-other-site', 'app', 'site', 'Domain=other.test'),
  S('ss-domain-suffix', 'app', 'site', 'Domain=com'),
  S('ss-max-age-0', 'app', 'site', 'Max-Age=0'),
  S('ss-expired', 'app', 'site', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT'),
  S('ss-max-age', 'app', 'site', 'Max-Age=600; SameSite=Lax'),
  S('ss-path-other', 'app', 'site', 'Path=/other'),
  S('ss-same-origin-mode', 'app', 'site', 'SameSite=None; Secure', 'same-origin'),
  S('ss-omit', 'app', 'site', 'SameSite=None; Secure', 'omit'),
  S('ss-host-prefix', 'app', 'site', 'Secure; Path=/', 'include', '__Host-'),
  S('ss-host-prefix-domain', 'app', 'site', 'Secure; Path=/; Domain=example.com', 'include', '__Host-'),
  S('ss-secure-prefix-insecure', 'app', 'site', 'Path=/', 'include', '__Secure-'),
  S('ss-samesite-invalid', 'app', 'site', 'SameSite=sometimes'),
  // Cross site.
  S('xs-none-secure', 'app', 'cross', 'SameSite=None; Secure'),
  S('xs-default', 'app', 'cross', ''),
  S('xs-default-secure', 'app', 'cross', 'Secure'),
  S('xs-lax', 'app', 'cross', 'SameSite=Lax; Secure'),
  S('xs-strict', 'app', 'cross', 'SameSite=Strict; Secure'),
  S('xs-partitioned', 'app', 'cross', 'SameSite=None; Secure; Partitioned'),
  S('xs-none-insecure', 'app', 'cross', 'SameSite=None'),
  S('xs-same-origin-mode', 'app', 'cross', 'SameSite=None; Secure', 'same-origin'),
  S('xs-omit', 'app', 'cross', 'SameSite=None; Secure', 'omit'),
  S('xs-domain', 'app', 'cross', 'Domain=other.test; SameSite=None; Secure'),
  // Beside an unlisted top-level name, and across schemes: where the engines' sites differ.
  S('ot-lax', 'otherApp', 'cross', 'SameSite=Lax'),
  S('ot-domain', 'otherApp', 'cross', 'Domain=other.test'),
  S('sch-lax', 'httpApp', 'site', 'SameSite=Lax; Secure'),
  S('sch-none-secure', 'httpApp', 'site', 'SameSite=None; Secure'),
  // First-party visit to the API, then a fetch from the page.
  H('fp-none', 'app', 'cross', 'SameSite=None; Secure'),
  H('fp-default', 'app', 'cross', ''),
  H('fp-lax', 'app', 'cross', 'SameSite=Lax'),
  H('fp-partitioned', 'app', 'cross', 'SameSite=None; Secure; Partitioned'),
  H('fp-same-site-lax', 'app', 'site', 'SameSite=Lax'),
  H('fp-none-same-origin-mode', 'app', 'cross', 'SameSite=None; Secure', 'same-origin'),
  // Plain http on loopback: localhost ports are one site, 127.0.0.1 another.
  S('lh-lax', 'local', 'localApi', 'SameSite=Lax'),
  S('lh-secure-none', 'local', 'localApi', 'SameSite=None; Secure'),
  S('lh-to-ip-lax', 'local', 'loopApi', 'SameSite=Lax'),
  S('lh-to-ip-none-secure', 'local', 'loopApi', 'SameSite=None; Secure'),
  S('ip-default', 'loopback', 'loopApi', ''),
  S('ip-secure', 'loopback', 'loopApi', 'Secure'),
]

/** The origin of each role, given the servers' ports. */
function origins({ https, pageHttp, apiHttp }) {
  return {
    app: `https://app.example.com:${https}`,
    site: `https://api.example.com:${https}`,
    cross: `https://api.other.test:${https}`,
    otherApp: `https://app.other.test:${https}`,
    httpApp: `http://app.example.com:${pageHttp}`,
    local: `http://localhost:${pageHttp}`,
    localApi: `http://localhost:${apiHttp}`,
    loopback: `http://127.0.0.1:${pageHttp}`,
    loopApi: `http://127.0.0.1:${apiHttp}`,
  }
}

/** The Set-Cookie value of scenario number `index`. */
function header(scenario, index) {
  const attributes = scenario.set ?? scenario.held
  return `${scenario.prefix}c${index}=1${attributes ? `; ${attributes}` : ''}`
}

module.exports = { SCENARIOS, origins, header }
