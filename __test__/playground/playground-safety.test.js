'use strict'
// The playground cannot be driven by another site: its API wants the token printed in the URL
// and its own Host (no DNS rebinding), bodies are size-limited, the cookie the API origin sets
// is checked, and Ctrl-C leaves nothing behind.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')
const path = require('node:path')
const { spawn } = require('node:child_process')
const { startPlayground } = require('../../lib/playground/server')

function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('the API needs the token and its own Host, and limits bodies', async (t) => {
  const playground = await startPlayground()
  t.after(() => playground.close())
  const token = new URL(playground.url).searchParams.get('token')
  const origins = `${playground.pageOrigin}/api/origins`
  assert.equal((await send(origins)).status, 403)
  assert.equal((await send(origins, { headers: { 'X-Playground-Token': 'guess' } })).status, 403)
  assert.equal((await send(origins, { headers: { 'X-Playground-Token': token } })).status, 200)
  const rebound = { 'X-Playground-Token': token, Host: `evil.example:${new URL(playground.pageOrigin).port}` }
  assert.equal((await send(origins, { headers: rebound })).status, 421)
  assert.equal((await send(`${playground.apiOrigin}/items`, { headers: { Host: 'evil.example' } })).status, 421)
  const big = await send(`${playground.pageOrigin}/api/options`, { method: 'POST', headers: { 'X-Playground-Token': token }, body: 'x'.repeat(100_000) }).catch(() => ({ status: 413 }))
  assert.equal(big.status, 413)
  const options = await send(`${playground.pageOrigin}/api/options`, { method: 'POST', headers: { 'X-Playground-Token': token }, body: JSON.stringify({ text: '{ origin: x => x }' }) })
  assert.match(JSON.parse(options.body).error, /line 1: unexpected "x"/)
})

test('the Set-Cookie the API origin adds is printable and bounded; what came back is counted safely', async (t) => {
  const playground = await startPlayground()
  t.after(() => playground.close())
  const headers = { 'X-Playground-Token': new URL(playground.url).searchParams.get('token') }
  const post = (route, body) => send(`${playground.pageOrigin}${route}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const apply = (setCookie) => post('/api/options', { text: `{ origin: ['${playground.pageOrigin}'] }`, apply: true, setCookie }).then((answer) => JSON.parse(answer.body))
  assert.match((await apply('a=1\r\nX-Injected: 1')).error, /^Response sets cookie: character "\\r" at 4 cannot be in a header value/)
  assert.match((await apply(`a=${'x'.repeat(5000)}`)).error, /^Response sets cookie: 5002 characters is over the 4096/)
  assert.match((await apply(['a=1'])).error, /^Response sets cookie: must be a Set-Cookie value/)
  assert.equal((await apply('sid=1; SameSite=Lax')).error, undefined)
  const answer = await send(`${playground.apiOrigin}/items`, { headers: { Origin: playground.pageOrigin, Cookie: `sid=0; ${'n'.repeat(300)}=1` } })
  assert.deepEqual(answer.headers['set-cookie'], ['sid=1; SameSite=Lax'])
  const carried = JSON.parse((await post('/api/carried', { since: 0 })).body)
  assert.deepEqual(carried.before, [])
  assert.deepEqual(carried.repeat, ['sid', 'n'.repeat(256)])
  assert.equal((await post('/api/carried', { since: 5 })).status, 400)
  // An empty field sets no cookie.
  assert.equal((await apply('')).error, undefined)
  assert.equal((await send(`${playground.apiOrigin}/items`, { headers: { Origin: playground.pageOrigin } })).headers['set-cookie'], undefined)
})

test('npx cors-native playground prints its URL and exits cleanly on Ctrl-C', async () => {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'cors-native.js'), 'playground'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}/)
      if (match) resolve(match[0])
    })
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
  assert.equal((await send(url)).status, 200)
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  child.kill('SIGINT')
  assert.deepEqual(await exited, { code: 0, signal: null })
  await assert.rejects(send(url), { code: 'ECONNREFUSED' })
})
