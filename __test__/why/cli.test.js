'use strict'
// `cors-native why` on hand-written lines: what it quotes back is escaped, what it cannot
// read exits 2 with what to paste instead, standard input is bounded and may not be UTF-8.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { execFile } = require('node:child_process')
const { Readable } = require('node:stream')
const { run } = require('../../lib/why/cli')
const { MAX_LINE_BYTES } = require('../../lib/why/line')

const CLI = path.join(__dirname, '../../bin/cors-native.js')

/** Runs the command in this process, with standard input from `input` (not a terminal). */
async function why(args, input) {
  let stdout = ''
  let stderr = ''
  const out = { write: (text) => { stdout += text } }
  const err = { write: (text) => { stderr += text } }
  const code = await run(args, { out, err, stdin: Readable.from([Buffer.from(input ?? '')]) })
  return { code, stdout, stderr }
}

const CHROMIUM_LINE = (url) => `Access to fetch at '${url}' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`

test('quotes and escapes in the URL are read, and quoted back inert', async () => {
  const url = "https://api.example.com/it's/\x1b]0;owned\x07/\u202etxt.exe"
  const { code, stdout } = await why([CHROMIUM_LINE(url), '--no-check'])
  assert.equal(code, 0)
  assert.ok(!/[\x1b\x07\u202e]/.test(stdout), stdout)
  assert.match(stdout, /https:\/\/api\.example\.com\/it's\/\\x1b\]0;owned\\x07\/\\u202etxt\.exe/)
  const json = JSON.parse((await why([CHROMIUM_LINE(url), '--no-check', '--json'])).stdout)
  assert.equal(json.url, url)
  assert.equal(json.failure, 'missing-allow-origin')
  assert.equal(json.check, null)
})

test('colours a terminal copy carries are dropped before reading', async () => {
  const { code, stdout } = await why([`\x1b[31m${CHROMIUM_LINE('https://api.example.com/x')}\x1b[0m`, '--no-check', '--json'])
  assert.equal(code, 0)
  assert.equal(JSON.parse(stdout).url, 'https://api.example.com/x')
})

test('a truncated or unknown line exits 2 and says what to paste', async () => {
  const line = CHROMIUM_LINE('https://api.example.com/x')
  for (const text of [line.slice(0, 90), line.slice(0, -1), 'Uncaught ReferenceError: x is not defined', 'CORS error: SomethingNew']) {
    const { code, stdout, stderr } = await why([text, '--no-check'])
    assert.equal(code, 2, text)
    assert.equal(stdout, '')
    assert.match(stderr, /no line of a blocked fetch was recognised; paste the whole console line/)
  }
  const generic = await why(['TypeError: NetworkError when attempting to fetch resource.'])
  assert.equal(generic.code, 2)
  assert.match(generic.stderr, /is what fetch\(\) rejects with for any failure; paste the console line about CORS/)
})

test('standard input: read when no line is given, bounded, and not necessarily UTF-8', async () => {
  const fromStdin = await why(['--no-check', '--json'], `${CHROMIUM_LINE('https://api.example.com/x')}\n`)
  assert.equal(fromStdin.code, 0)
  assert.equal(JSON.parse(fromStdin.stdout).engine, 'chromium')
  // Latin-1 bytes in the URL become U+FFFD; the line still reads.
  const latin1 = Buffer.from(CHROMIUM_LINE('https://api.example.com/caf\xe9'), 'latin1')
  const decoded = await why(['--no-check', '--json'], latin1)
  assert.equal(decoded.code, 0)
  assert.equal(JSON.parse(decoded.stdout).url, 'https://api.example.com/caf\ufffd')
  const huge = await why(['--no-check'], 'x'.repeat(MAX_LINE_BYTES + 1))
  assert.equal(huge.code, 2)
  assert.match(huge.stderr, /standard input is over 64 KiB/)
})

test('a DevTools reason alone is explained, and the check asks for the URL', async () => {
  const { code, stdout } = await why(['CORS error: PreflightMissingAllowOriginHeader', '--origin', 'http://localhost:5173'])
  assert.equal(code, 0)
  assert.match(stdout, /step: preflight/)
  assert.match(stdout, /fix: Send Access-Control-Allow-Origin: http:\/\/localhost:5173 on the OPTIONS preflight response/)
  assert.match(stdout, /not checked: the line does not name the URL; add --url <url> to check the server/)
})

test('help, and options it does not know', async () => {
  const help = await new Promise((resolve) => execFile(process.execPath, [CLI, 'why', '--help'], (error, stdout) => resolve({ code: error ? error.code : 0, stdout })))
  assert.equal(help.code, 0)
  assert.match(help.stdout, /^usage: cors-native why/)
  assert.match(help.stdout, /exit codes: 0 explained/)
  const typo = await why(['--no-chek'])
  assert.equal(typo.code, 2)
  assert.match(typo.stderr, /unknown option --no-chek; did you mean --no-check\?/)
  const timeout = await why([CHROMIUM_LINE('https://api.example.com/x'), '--timeout', 'soon'])
  assert.equal(timeout.code, 2)
  assert.match(timeout.stderr, /--timeout "soon" must be a whole number of milliseconds/)
  const mixed = await why(['--har', 'x.har', '--origin', 'https://app.example.com'])
  assert.equal(mixed.code, 2)
  assert.match(mixed.stderr, /--origin goes with a console line; --har judges what the HAR recorded, offline/)
  const two = await why(['a', 'b'])
  assert.equal(two.code, 2)
  assert.match(two.stderr, /give the console line as one argument, in quotes/)
})
