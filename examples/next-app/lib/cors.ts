import { createCors } from 'cors-native/next'

// One policy for the whole API, compiled once when the server starts: the production app,
// every preview deployment, and a local front-end dev server on any port.
export const cors = createCors({
  origin: ['https://app.example.com', 'https://*.preview.example.com', 'http://localhost:*'],
  credentials: true,
  exposedHeaders: ['X-Total-Count'],
  maxAge: 600,
})
