import { cors } from '../../../lib/cors'

// A bug in a handler: the browser still gets a readable 500, not a misleading CORS error.
export const GET = cors.wrap(async () => {
  throw new Error('the database is down')
})
