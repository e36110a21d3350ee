'use strict'
// An https API on 127.0.0.1 (certificate in CERT and KEY): GET /case/<index> answers with
// cors-native under that case's policy (cases.js) and sets the case's cookie.
const fs = require('node:fs')
const https = require('node:https')
const cors = require('../..')
const { PAGE, CASES } = require('./cases')

const policies = CASES.map((item) => cors({ origin: [PAGE], credentials: item.policyCredentials }))

const server = https.createServer({ cert: fs.readFileSync(process.env.CERT), key: fs.readFileSync(process.env.KEY) }, (req, res) => {
  const index = Number(/^\/case\/(\d+)$/.exec(req.url)?.[1])
  if (!CASES[index]) {
    res.statusCode = 404
    return res.end()
  }
  policies[index](req, res, () => {
    res.setHeader('Set-Cookie', CASES[index].cookie)
    res.setHeader('Content-Type', 'application/json')
    res.end('{"ok":true}')
  })
})
server.listen(0, '127.0.0.1', () => console.log(`https://127.0.0.1:${server.address().port}`))
