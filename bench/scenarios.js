'use strict'
// The benchmark scenarios S1-S11: options, the requests sent, and for each the hand-written
// "floor" middleware that makes exactly the same header writes with no logic.

function origins(count, name = 'app') {
  return Array.from({ length: count }, (_, i) => `https://${name}${i}.example.com`)
}

// Requests rotate over origins spread across the list, so list position does not favour anyone.
function spread(list, count = 8) {
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * (list.length - 1)) / (count - 1))])
}

function tenantPatterns(count) {
  return Array.from({ length: count }, (_, i) => new RegExp(`^https:\\/\\/([a-z0-9-]+\\.)*tenant${i}\\.example\\.com$`))
}

const eleven = origins(11)
const thousandAndOne = origins(1001)
const hundredThousand = origins(100_000)
const elevenPatterns = tenantPatterns(11)
const hundredPatterns = tenantPatterns(100)
const allowedSet = new Set(eleven)

function get(originList) {
  return (i) => ({ method: 'GET', headers: { origin: originList[i % originList.length] } })
}

function preflight(originList) {
  return (i) => ({
    method: 'OPTIONS',
    headers: {
      origin: originList[i % originList.length],
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type, x-request-id',
    },
  })
}

// Each floor writes what cors-native writes for that scenario's (allowed) requests.
const floors = {
  wildcard(req, res, next) {
    res.setHeader('Access-Control-Allow-Origin', '*')
    next()
  },
  fixed(req, res, next) {
    res.setHeader('Access-Control-Allow-Origin', 'https://app0.example.com')
    res.setHeader('Vary', 'Origin')
    next()
  },
  echo(req, res, next) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin)
    res.setHeader('Vary', 'Origin')
    next()
  },
  echoWithCredentials(req, res, next) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin)
    res.setHeader('Vary', 'Origin')
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    next()
  },
  preflight(req, res) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin)
    res.setHeader('Vary', 'Origin, Access-Control-Request-Headers')
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE')
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'])
    res.setHeader('Access-Control-Max-Age', '600')
    res.statusCode = 204
    res.setHeader('Content-Length', '0')
    res.end()
  },
  // Half the origins are refused: those get only Vary.
  halfRefused(req, res, next) {
    const origin = req.headers.origin
    if (origin.startsWith('https://ok-')) res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
    next()
  },
}

let uniqueOrigin = 0
function freshOrigin() {
  uniqueOrigin++
  return uniqueOrigin % 2 === 0 ? `https://ok-${uniqueOrigin}.example.com` : `https://no-${uniqueOrigin}.example.com`
}

const scenarios = [
  { id: 'S1', name: 'cors() with default *', options: undefined, request: get(['https://app0.example.com']), floor: floors.wildcard },
  { id: 'S2', name: 'a single string origin', options: { origin: 'https://app0.example.com' }, request: get(['https://app0.example.com']), floor: floors.fixed },
  { id: 'S3', name: '11 origins with credentials', options: { origin: eleven, credentials: true }, request: get(spread(eleven)), floor: floors.echoWithCredentials },
  { id: 'S4', name: '1,001 origins with credentials', options: { origin: thousandAndOne, credentials: true }, request: get(spread(thousandAndOne)), floor: floors.echoWithCredentials },
  { id: 'S5', name: '100,000 origins', options: { origin: hundredThousand }, request: get(spread(hundredThousand)), floor: floors.echo },
  { id: 'S6', name: '11 RegExps', options: { origin: elevenPatterns }, request: get(spread(origins(11, 'x.tenant'))), floor: floors.echo },
  { id: 'S7', name: '100 RegExps', options: { origin: hundredPatterns }, request: get(spread(origins(100, 'x.tenant'))), floor: floors.echo },
  {
    id: 'S8',
    name: 'an origin callback',
    options: { origin: (origin, callback) => callback(null, allowedSet.has(origin)) },
    request: get(spread(eleven)),
    floor: floors.echo,
  },
  {
    id: 'S9',
    name: 'preflight: 11 origins, credentials, maxAge, reflected headers',
    options: { origin: eleven, credentials: true, maxAge: 600 },
    request: preflight(spread(eleven)),
    floor: floors.preflight,
  },
  {
    id: 'S10',
    name: 'cache miss every request, half refused',
    options: { origin: /^https:\/\/ok-\d+\.example\.com$/ },
    request: () => ({ method: 'GET', headers: { origin: freshOrigin() } }),
    floor: floors.halfRefused,
  },
]

module.exports = { scenarios, eleven, thousandAndOne, elevenPatterns, hundredPatterns, origins, spread }
