// cors.middleware fits Hono's middleware type under strict with no annotations, also in a
// project without @types/node (the README's Hono snippet is compiled by readme-code.test.js).
import { Hono } from 'hono'
import { createCors } from 'cors-native/fetch'

const cors = createCors({ origin: ['https://app.example.com'], credentials: true })
const app = new Hono()
app.use('/api/*', cors.middleware)
app.get('/api/items', (c) => c.json([]))
export default app
