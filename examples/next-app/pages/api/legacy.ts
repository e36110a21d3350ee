import type { NextApiRequest, NextApiResponse } from 'next'
import corsMiddleware from 'cors-native'
import { corsOptions } from '../../lib/cors'

// A Pages Router API route gets Node.js (req, res), not a Web Request: use the Express
// middleware from 'cors-native' (the helpers of cors-native/next throw a TypeError here).
const applyCors = corsMiddleware(corsOptions)

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  // A preflight is answered by the middleware itself; any other request continues here.
  applyCors(req, res, (error?: unknown) => {
    if (error) return res.status(500).json({ error: 'the CORS decision failed' })
    res.status(200).json({ router: 'pages' })
  })
}
