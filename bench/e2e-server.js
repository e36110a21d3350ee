'use strict'
// A real Express 5 app for the end-to-end benchmark; argv[2] picks the CORS layer:
// none, cors (cors@2.8.6) or native (cors-native). Prints its URL once listening.
const express = require('express')

const origins = Array.from({ length: 11 }, (_, i) => `https://app${i}.example.com`)
const options = { origin: origins, credentials: true, maxAge: 600 }
const layers = {
  none: null,
  cors: () => require('cors')(options),
  native: () => require('..')(options),
}

const app = express()
const layer = layers[process.argv[2]]
if (layer) app.use(layer())
app.get('/api/items', (req, res) => res.json({ items: [1, 2, 3] }))
app.options('/api/items', (req, res) => res.sendStatus(204)) // answers preflights when there is no CORS layer

const server = app.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`))
