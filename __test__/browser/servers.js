'use strict'
// The servers every engine talks to: the page server on http://localhost:<port> (it sets the
// `session` cookie, which the API then receives on credentialed requests, as localhost on two
// ports is same-site), and a recording proxy in front of each target, listening on
// http://localhost:<P> (also reachable as http://127.0.0.1:<P>, another origin) and on
// https://localhost:<Q> with a self-signed certificate made by openssl. The proxy logs every
// request it forwards and the status and headers the target answered, byte for byte, and
// also the requests Node's own parser refuses with a 400 before any handler runs.
const http = require('node:http')
const https = require('node:https')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const { pageHtml } = require('./page')
const { headerOf } = require('./exchange')

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))
}

function closer(...servers) {
  return () => { for (const server of servers) { server.closeAllConnections?.(); server.close() } }
}

async function startPageServer() {
  const html = pageHtml()
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html')
    res.setHeader('Set-Cookie', 'session=abc; Path=/; SameSite=Lax')
    res.end(html)
  })
  const port = await listen(server)
  return { origin: `http://localhost:${port}`, close: closer(server) }
}

let certificate
/** A self-signed certificate for localhost and 127.0.0.1, made once by openssl in a temporary folder. */
function selfSignedCertificate() {
  if (!certificate) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-tls-'))
    try {
      const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')]
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' })
      certificate = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return certificate
}

/** Node's raw header list [name, value, name, value...] as [[name, value]...]. */
function pairs(raw) {
  const list = []
  for (let i = 0; i < raw.length; i += 2) list.push([raw[i], raw[i + 1]])
  return list
}

/** What Node's HTTP server writes, by default, to a request its parser refuses. */
const BAD_REQUEST = { status: 400, headers: [['Connection', 'close']] }
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.[01]$/

/** The method, URL and headers of a refused request, from its raw bytes (null if not HTTP). */
function refusedRequest(scheme, packet) {
  const [line, ...fields] = packet.toString('latin1').split('\r\n\r\n')[0].split('\r\n')
  const parts = REQUEST_LINE.exec(line)
  if (!parts) return null
  const headers = fields.map((field) => [field.slice(0, field.indexOf(':')), field.slice(field.indexOf(':') + 1).trim()])
  return { method: parts[1], url: `${scheme}://${headerOf(headers, 'host')}${parts[2]}`, headers }
}

/** A recording reverse proxy; `upstream` (a port on 127.0.0.1) is set once the target listens. */
async function startRecorder() {
  const log = []
  let upstream
  const forward = (scheme) => (req, res) => {
    const entry = { method: req.method, url: `${scheme}://${req.headers.host}${req.url}`, headers: pairs(req.rawHeaders), response: null }
    log.push(entry)
    const outgoing = http.request({ host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers: req.rawHeaders }, (answer) => {
      entry.response = { status: answer.statusCode, headers: pairs(answer.rawHeaders) }
      res.writeHead(answer.statusCode, answer.rawHeaders)
      answer.pipe(res)
    })
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(outgoing)
  }
  // Node's parser refuses some requests a browser sends (a lower-case `patch`, say) before
  // the proxy sees them; answer as Node does by default, and log what the browser got.
  const refuse = (scheme) => (error, socket) => {
    if (socket.writable) {
      const refused = error.rawPacket && refusedRequest(scheme, error.rawPacket)
      if (refused) log.push({ ...refused, response: BAD_REQUEST })
      socket.write(`HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n`)
    }
    socket.destroy()
  }
  const plain = http.createServer(forward('http')).on('clientError', refuse('http'))
  const secure = https.createServer(selfSignedCertificate(), forward('https')).on('clientError', refuse('https'))
  const [port, securePort] = [await listen(plain), await listen(secure)]
  return {
    env: { api: `http://localhost:${port}`, alt: `http://127.0.0.1:${port}`, secure: `https://localhost:${securePort}` },
    log,
    setUpstream: (targetPort) => { upstream = targetPort },
    close: closer(plain, secure),
  }
}

module.exports = { startPageServer, startRecorder, selfSignedCertificate }
