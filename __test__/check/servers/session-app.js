'use strict'
// An Express 5 API with express-session, one cookie configuration per path, over https with
// the certificate in CERT and KEY, guarded by cors-native for PAGE_ORIGINS. GET /<config>/login
// starts a session; GET /<config>/hop starts one on a 302 to /<config>/me; GET /<config>/me says
// which cookies came with the request. Any other path is the test page (text/html).
const fs = require('node:fs')
const https = require('node:https')
const express = require('express')
const session = require('express-session')
const cors = require('../../..')

const CONFIGS = {
  none: { sameSite: 'none', secure: true },
  default: {},
  lax: { sameSite: 'lax' },
  strict: { sameSite: 'strict', secure: true },
  partitioned: { sameSite: 'none', secure: true, partitioned: true },
}

const app = express()
app.use(cors({ origin: process.env.PAGE_ORIGINS.split(','), credentials: true }))
for (const [name, cookie] of Object.entries(CONFIGS)) {
  const router = express.Router()
  router.use(session({ name: `sid_${name}`, secret: 'cors-native-test-only', resave: false, saveUninitialized: false, cookie }))
  router.get('/login', (req, res) => {
    req.session.user = 'ada'
    res.json({ ok: true })
  })
  router.get('/hop', (req, res) => {
    req.session.user = 'ada'
    res.redirect(302, 'me')
  })
  router.get('/me', (req, res) => res.json({ cookies: (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')[0]).filter(Boolean) }))
  app.use(`/${name}`, router)
}
app.use((req, res) => res.type('html').send('<!doctype html><title>page</title>'))

const server = https.createServer({ cert: fs.readFileSync(process.env.CERT), key: fs.readFileSync(process.env.KEY) }, app)
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`https://127.0.0.1:${server.address().port}`))
