'use strict'
// The server under soak: Express 5 with cors-native, reporting its RSS over IPC on request.
const express = require('express')
const cors = require('..')

const app = express()
app.use(cors({ origin: ['https://app.example.com', /^https:\/\/[a-z0-9-]+\.preview\.example\.com$/], credentials: true, maxAge: 600 }))
app.get('/api', (req, res) => res.send('ok'))

const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
process.on('message', (message) => {
  if (message === 'rss') {
    global.gc()
    process.send({ rss: process.memoryUsage().rss })
  }
})
