// cors-native/next's types: route handlers, OPTIONS and proxy.
import { createCors } from 'cors-native/next'

const cors = createCors({ origin: ['https://app.example.com'], credentials: true, strict: true })
export const GET = cors.wrap(async (request: Request) => Response.json({ url: request.url }))
export const OPTIONS = cors.OPTIONS
export function proxy(request: Request) {
  return cors.proxy(request, new Response(null, { headers: { 'x-middleware-next': '1' } }))
}
createCors((request, callback) => callback(null, { origin: request.headers.get('x-tenant') === 'a' }))
export const { GET: listed, POST: created, OPTIONS: answered } = cors.routes({
  GET: () => Response.json([]),
  POST: async (request: Request) => Response.json(await request.json(), { status: 201 }),
})
// @ts-expect-error a Pages Router (req, res) handler is not a route handler; use the Express middleware
cors.wrap((req: import('http').IncomingMessage, res: import('http').ServerResponse) => { res.end() })
