// The README's Hono snippet compiles under strict with no annotations. The lines between the
// markers are the README's verbatim (types.test.js checks that the README still contains them).
import { Hono } from 'hono'
import { createCors } from 'cors-native/fetch'

const cors = createCors({ origin: ['https://app.example.com'], credentials: true })
const app = new Hono()
// README begin
app.use('/api/*', cors.middleware)
// README end
app.get('/api/items', (c) => c.json([]))
export default app
