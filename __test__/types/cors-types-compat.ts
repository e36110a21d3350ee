// Code written against @types/cors compiles unchanged against cors-native.
import express = require('express')
import cors = require('cors-native')
import type { CorsOptions, CorsOptionsDelegate, CorsRequest } from 'cors-native'

const app = express()
app.use(cors())
app.options('/{*splat}', cors())

const options: cors.CorsOptions = {
  origin: ['https://a.example', /\.example\.com$/, true],
  methods: ['GET', 'POST'],
  allowedHeaders: 'Content-Type',
  exposedHeaders: ['X-Total'],
  credentials: true,
  maxAge: 600,
  preflightContinue: false,
  optionsSuccessStatus: 200,
}
app.get('/products', cors(options), (req, res) => { res.json([]) })

const byFunction: CorsOptions = {
  origin(requestOrigin, callback) {
    callback(null, requestOrigin === 'https://a.example')
  },
}
app.use(cors(byFunction))

const delegate: CorsOptionsDelegate<express.Request> = (req, callback) => {
  callback(null, { origin: req.header('Origin') === 'https://a.example' })
}
app.use(cors(delegate))

const minimal: CorsRequest = { headers: {} }
void minimal

// @types/cors types `res` as { statusCode?, setHeader, end }: a response without getHeader.
const bareResponse: { statusCode?: number; setHeader(key: string, value: string): any; end(): any } = {
  setHeader: () => undefined,
  end: () => undefined,
}
cors()({ method: 'GET', headers: {} }, bareResponse, () => undefined)
