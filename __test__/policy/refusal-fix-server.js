'use strict'
// An Express app for refusal-fixes.test.js: one route per kind of origin option, each behind
// cors-native, answering "ok". Run with DEBUG=cors-native; prints its URL once listening.
const express = require('express')
const cors = require('../..')

const APP = 'https://app.example.com'
const routes = {
  '/list': { origin: [APP, 'https://*.example.org', /^https:\/\/[a-z]+\.example\.net$/] },
  '/slash': { origin: [`${APP}/`, 'http://localhost:5173'] },
  '/fixed': { origin: APP },
  '/function': { origin: (origin, callback) => callback(null, origin === APP) },
  '/answered-list': { origin: (origin, callback) => callback(null, [APP]) },
  '/off': { origin: false },
  '/credentials': { origin: [APP], credentials: true },
  '/strict': { origin: [APP], methods: ['GET', 'PUT'], strict: true },
}

const app = express()
for (const [path, options] of Object.entries(routes)) app.use(path, cors(options), (req, res) => res.send('ok'))
const server = app.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`))
