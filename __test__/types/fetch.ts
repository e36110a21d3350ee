// cors-native/fetch's types: wrap, preflight, decorate, routes; a Node.js (req, res) handler is rejected.
import type { IncomingMessage, ServerResponse } from 'http'
import { createCors } from 'cors-native/fetch'

const cors = createCors({ origin: ['https://app.example.com'], credentials: true })

export const handler = cors.wrap(async (request: Request) => Response.json({ url: request.url }))
export const withContext = cors.wrap((request: Request, context: { params: Promise<{ id: string }> }) => new Response(request.method))
withContext(new Request('http://127.0.0.1/'), { params: Promise.resolve({ id: '1' }) })
export const preflight: Promise<Response> = cors.preflight(new Request('http://127.0.0.1/'))
export const decorated: Promise<Response> = cors.decorate(new Request('http://127.0.0.1/'), new Response('ok'))

const GET = () => Response.json([])
const POST = async (request: Request) => new Response(null, { status: 201 })
export const routes = cors.routes({ GET, POST })
const answered: Promise<Response> = routes.OPTIONS(new Request('http://127.0.0.1/'))
const listed: Promise<Response> = routes.GET(new Request('http://127.0.0.1/'))

// A Pages Router API route (Node.js req, res) is not a Fetch handler.
function pagesRoute(req: IncomingMessage, res: ServerResponse) {
  res.end('ok')
}
// @ts-expect-error a (req, res) handler returns no Response and takes no Request
cors.wrap(pagesRoute)
type PagesApiHandler = (req: IncomingMessage, res: ServerResponse) => unknown
// @ts-expect-error a wrapped Fetch handler cannot be a Pages Router API route
export const pagesDefault: PagesApiHandler = cors.wrap(async (request: Request) => new Response(request.url))
// @ts-expect-error routes take Fetch handlers only
cors.routes({ GET: pagesRoute })

// An async delegate or origin function answers with its Promise; the delegate gets the Web Request.
export const asyncDelegated = createCors(async (request) => ({ origin: request.headers.get('origin') === 'https://app.example.com' }))
export const asyncOrigin = createCors({ origin: async (origin) => (origin?.endsWith('.example.com') ? [origin] : false) })

// middleware takes any Hono-style (c, next) whose c has req.raw and res.
export const middleware: (c: { req: { raw: Request }; res: Response }, next: () => Promise<void>) => Promise<Response | void> = cors.middleware
// @ts-expect-error a context without req.raw is not Hono-style
cors.middleware({ req: {}, res: new Response() }, async () => {})
