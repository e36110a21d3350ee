'use strict'
// Debian's nginx (nginx-light) as a plain process for the check tests: servers/nginx.conf
// filled in under a temporary prefix, listening on 127.0.0.1 only, stopped by its PID.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startProcess } = require('./processes')
const { freePort } = require('../support/free-port')

const EXECUTABLE = '/usr/sbin/nginx'
const TEMPLATE = path.join(__dirname, 'servers', 'nginx.conf')

/** Why nginx cannot run here, or null. */
function nginxMissing() {
  return fs.existsSync(EXECUTABLE) ? null : `${EXECUTABLE} is missing (apt-get install nginx-light)`
}

/**
 * Starts nginx for the page at `origin`; `fixed(prefix)`, when given, returns the body of an
 * extra `location /fixed/` block. Resolves with `{ url, stop }`; stop also removes the prefix.
 */
async function startNginx(origin, fixed) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-nginx-'))
  const [port, backendPort] = [await freePort(), await freePort()]
  const values = { PREFIX: prefix, PORT: port, BACKEND_PORT: backendPort, ORIGIN: origin, FIXED: fixed ? `    location /fixed/ {\n      ${fixed(prefix)}\n    }` : '' }
  const config = fs.readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name]))
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), config)
  fs.writeFileSync(path.join(prefix, 'htpasswd'), 'user:{PLAIN}secret\n')
  const url = `http://127.0.0.1:${port}`
  try {
    const server = await startProcess(EXECUTABLE, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { url, ready: /start worker process/ })
    return { url, stop: () => server.stop().then(() => fs.rmSync(prefix, { recursive: true, force: true })) }
  } catch (error) {
    fs.rmSync(prefix, { recursive: true, force: true })
    throw error
  }
}

module.exports = { startNginx, nginxMissing }
