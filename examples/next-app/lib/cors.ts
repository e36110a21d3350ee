import type { CorsOptions } from 'cors-native'
import { createCors } from 'cors-native/next'

// One policy for the whole API, compiled once when the server starts: the production app,
// every preview deployment, and a local front-end dev server on any port.
export const corsOptions: CorsOptions = {
  origin: ['https://app.example.com', 'https://*.preview.example.com', 'http://localhost:*'],
  credentials: true,
  exposedHeaders: ['X-Total-Count'],
  maxAge: 600,
}

// App Router route handlers and proxy.ts take Web Requests: cors-native/next.
export const cors = createCors(corsOptions)
