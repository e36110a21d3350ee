'use strict'
// One self-signed certificate for the realistic names the cookie tests map to loopback, made
// with openssl in a temporary folder the caller removes.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const NAMES = ['app.example.com', 'api.example.com', 'api.other.test', 'app.other.test', 'localhost']

/** Why no certificate can be made here, or null. */
function opensslMissing() {
  return spawnSync('openssl', ['version']).status === 0 ? null : 'openssl is missing (apt-get install openssl)'
}

/** `{ dir, cert, key }`: PEM file paths and their contents, valid for NAMES and 127.0.0.1. */
function makeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-cert-'))
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  const san = [...NAMES.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(',')
  const result = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=app.example.com', '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`)
  return { dir, cert, key, certPem: fs.readFileSync(cert, 'utf8'), keyPem: fs.readFileSync(key, 'utf8') }
}

module.exports = { makeCertificate, opensslMissing, NAMES }
