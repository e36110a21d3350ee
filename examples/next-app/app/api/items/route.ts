import { cors } from '../../../lib/cors'

const items = [{ id: 1, name: 'first' }]

// Every method handler wrapped at once, with OPTIONS included: no route can forget the preflight.
export const { GET, POST, OPTIONS } = cors.routes({
  GET: async () => Response.json(items, { headers: { 'X-Total-Count': String(items.length) } }),
  POST: async (request: Request) => {
    const { name } = await request.json()
    const item = { id: items.length + 1, name: String(name) }
    items.push(item)
    return Response.json(item, { status: 201 })
  },
})
