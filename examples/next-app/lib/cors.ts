import { createCors } from 'cors-native/next'

// One policy for the whole API, compiled once when the server starts.
export const cors = createCors({
  origin: ['http://localhost:3000', 'https://app.example.com', /^https:\/\/[a-z0-9-]+\.preview\.example\.com$/],
  credentials: true,
  exposedHeaders: ['X-Total-Count'],
  maxAge: 600,
})
