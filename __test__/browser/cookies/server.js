'use strict'
// The cookie suite's servers on 127.0.0.1: one https port that answers for every name
// (app.example.com, api.example.com, api.other.test) and two plain-http ports (the page's and
// the API's, for localhost and 127.0.0.1). Every host serves the same paths:
//   /__page          the page whose runScenario the drivers call
//   /__visit?set=H   a top-level (first-party) page that sets the cookie H
//   /set?h=H         a fetch answer that sets H; /echo, /other/echo: the cookie names received
// Fetch answers allow the requesting origin with credentials, so CORS always passes.
const http = require('node:http')
const https = require('node:https')

/** Runs in the page: the scenario's fetches, and which cookies each one carried. */
async function runScenario({ api, set, mode }) {
  const names = async (url, credentials) => (await (await fetch(url, { credentials })).json()).cookies
  if (set !== undefined) await fetch(`${api}/set?h=${encodeURIComponent(set)}`, { credentials: mode })
  const sent = await names(`${api}/echo`, mode)
  const later = [...await names(`${api}/echo`, 'include'), ...await names(`${api}/other/echo`, 'include')]
  return { sent, later }
}

/** Runs in a page of the API's own origin: the cookies a first-party request carries. */
async function probe() {
  const names = async (url) => (await (await fetch(url)).json()).cookies
  return [...await names('/echo'), ...await names('/other/echo')]
}

const PAGE = `<!doctype html><title>cookies</title><script>${runScenario};${probe}</script>`

function cookieNames(req) {
  return (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')[0]).filter(Boolean)
}

function handle(req, res) {
  const url = new URL(req.url, 'http://x')
  res.setHeader('Cache-Control', 'no-store')
  if (req.headers.origin) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Vary', 'Origin')
  }
  if (url.pathname === '/__page' || url.pathname === '/__visit') {
    if (url.searchParams.has('set')) res.setHeader('Set-Cookie', url.searchParams.get('set'))
    res.setHeader('Content-Type', 'text/html')
    return res.end(PAGE)
  }
  if (url.pathname === '/set') res.setHeader('Set-Cookie', url.searchParams.get('h'))
  res.setHeader('Content-Type', 'application/json')
  res.end(JSON.stringify({ cookies: url.pathname.endsWith('/echo') ? cookieNames(req) : [] }))
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server.address().port))
  })
}

/** Starts the three servers; `{ ports: { https, pageHttp, apiHttp }, close() }`. */
async function startServers({ certPem, keyPem }) {
  const servers = [https.createServer({ cert: certPem, key: keyPem }, handle), http.createServer(handle), http.createServer(handle)]
  const [secure, pageHttp, apiHttp] = await Promise.all(servers.map(listen))
  return {
    ports: { https: secure, pageHttp, apiHttp },
    close: () => Promise.all(servers.map((server) => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(resolve)
    }))),
  }
}

module.exports = { startServers }
