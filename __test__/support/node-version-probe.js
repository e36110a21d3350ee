'use strict'
// Run under another Node version by node-versions.test.js: loads cors-native, serves one
// allowed and one refused request over node:http, and prints what came back as JSON.
const http = require('http')
const cors = require('../..')

const middleware = cors({ origin: ['https://app.example.com', /^https:\/\/[a-z]+\.example\.org$/], credentials: true })
const server = http.createServer((req, res) => middleware(req, res, () => res.end('ok')))
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`
  const answers = []
  for (const origin of ['https://app.example.com', 'https://evil.example', 'https://a.example.org']) {
    const response = await new Promise((resolve, reject) => {
      http.get(url, { headers: { origin } }, (res) => {
        res.resume()
        res.on('end', () => resolve([origin, res.headers['access-control-allow-origin'] ?? null]))
      }).on('error', reject)
    })
    answers.push(response)
  }
  server.close()
  console.log(JSON.stringify({ version: process.version, answers }))
})
