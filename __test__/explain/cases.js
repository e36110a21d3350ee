'use strict'
// The cookie cases explain() and `check` must judge alike: one Set-Cookie each, answered by
// set-cookie-app.js at /case/<index> under the case's policy, fetched from PAGE.
const PAGE = 'https://app.example.com'

// `expect`: per engine [stored, sent], as docs/browsers.md records the real browsers doing.
const CASES = [
  {
    name: 'same-site Lax session',
    host: 'api.example.com',
    cookie: 'sid=1; SameSite=Lax; Secure; HttpOnly',
    policyCredentials: true,
    credentials: 'include',
    expect: { chromium: [true, true], chromiumThirdPartyAllowed: [true, true], firefox: [true, true], webkit: [true, true] },
    problems: [],
  },
  {
    name: 'cross-site SameSite=None',
    host: 'api.other.test',
    cookie: 'sid=1; SameSite=None; Secure; HttpOnly',
    policyCredentials: true,
    credentials: 'include',
    expect: { chromium: [false, false], chromiumThirdPartyAllowed: [true, true], firefox: [true, true], webkit: [false, false] },
    problems: ['cross-site-cookies'],
  },
  {
    name: 'SameSite=None without Secure',
    host: 'api.example.com',
    cookie: 'sid=1; SameSite=None',
    policyCredentials: true,
    credentials: 'include',
    expect: { chromium: [false, false], chromiumThirdPartyAllowed: [false, false], firefox: [false, false], webkit: [true, true] },
    problems: [],
  },
  {
    name: '__Host- with Domain',
    host: 'api.example.com',
    cookie: '__Host-sid=1; Secure; Path=/; Domain=example.com',
    policyCredentials: true,
    credentials: 'include',
    expect: { chromium: [false, false], chromiumThirdPartyAllowed: [false, false], firefox: [false, false], webkit: [true, true] },
    problems: [],
  },
  {
    name: 'no credentials on the fetch or the policy',
    host: 'api.example.com',
    cookie: 'sid=1; SameSite=None; Secure',
    policyCredentials: false,
    credentials: 'same-origin',
    expect: { chromium: [false, false], chromiumThirdPartyAllowed: [false, false], firefox: [false, false], webkit: [false, false] },
    problems: ['credentials-not-allowed', 'cookies-need-credentials'],
  },
  {
    name: 'a credentialed fetch the policy does not allow',
    host: 'api.example.com',
    cookie: 'sid=1; SameSite=None; Secure',
    policyCredentials: false,
    credentials: 'include',
    expect: { chromium: [true, true], chromiumThirdPartyAllowed: [true, true], firefox: [true, true], webkit: [true, true] },
    problems: ['credentials-not-allowed'],
  },
]

module.exports = { PAGE, CASES }
