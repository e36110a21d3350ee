'use strict'
// A header-rewriting proxy on 127.0.0.1 in front of a real server: it applies a check()
// `patch` to the server's answers, as the server would send them once fixed. An OPTIONS
// preflight gets the page's preflight entry, a 3xx of the actual request the redirect entry of
// its hop, anything else the response entry.
const http = require('node:http')
const { isPreflight } = require('../../lib/pipeline/preflight')

/** The upstream's raw header pairs with `edit` applied (`set` replaces every line of a name). */
function edited(pairs, edit) {
  if (!edit) return pairs
  const replaced = new Set([...edit.set.map(([name]) => name.toLowerCase()), ...edit.remove.map((name) => name.toLowerCase())])
  return [...pairs.filter(([name]) => !replaced.has(name.toLowerCase())), ...edit.set]
}

/** Which entry of `patch` answers this request; `hops` lists the actual request's paths in order. */
function entryFor(patch, hops, req, status) {
  if (isPreflight(req.method, req.headers['access-control-request-method'])) {
    return patch.find((e) => e.step === 'preflight' && e.hop === null) ?? patch.find((e) => e.step === 'preflight')
  }
  if (status >= 300 && status < 400) {
    const redirect = patch.find((e) => e.step === 'redirect' && e.hop === hops.indexOf(req.url))
    if (redirect) return redirect
  }
  return patch.find((e) => e.step === 'response')
}

// Hop-by-hop and framing headers: the proxy frames its own answer.
const FRAMING = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length'])

/** Starts the proxy in front of `upstream` (`http://127.0.0.1:port`); `use(patch, hops)` changes the patch. */
function startPatchProxy(upstream) {
  const target = new URL(upstream)
  let patch = []
  let hops = []
  const server = http.createServer((req, res) => {
    const headers = []
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() !== 'host') headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]])
    }
    const forward = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: [['Host', target.host], ...headers].flat(), agent: false }, (answer) => {
      const chunks = []
      answer.on('data', (chunk) => chunks.push(chunk))
      answer.on('end', () => {
        const pairs = []
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          if (!FRAMING.has(answer.rawHeaders[i].toLowerCase())) pairs.push([answer.rawHeaders[i], answer.rawHeaders[i + 1]])
        }
        const edit = entryFor(patch, hops, req, answer.statusCode)
        const status = edit?.status ?? answer.statusCode
        const out = edited(pairs, edit).map(([name, value]) => [name, name.toLowerCase() === 'location' ? value.replace(upstream, proxyUrl()) : value])
        res.writeHead(status, out.flat())
        res.end(status === 204 || status === 304 ? undefined : Buffer.concat(chunks))
      })
    })
    forward.on('error', (error) => {
      res.writeHead(502)
      res.end(String(error.message))
    })
    req.pipe(forward)
  })
  const proxyUrl = () => `http://127.0.0.1:${server.address().port}`
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: proxyUrl(),
    upstream,
    use(nextPatch, nextHops) {
      patch = nextPatch
      hops = nextHops
    },
    close: () => new Promise((done) => {
      server.close(done)
      server.closeAllConnections()
    }),
  })))
}

module.exports = { startPatchProxy }
