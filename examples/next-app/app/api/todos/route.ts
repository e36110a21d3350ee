import { cors } from '../../../lib/cors'
import { todos } from '../../../lib/todos'

// Route handlers guarded one by one: wrap each method, and answer preflights with cors.OPTIONS.
export const GET = cors.wrap(async () => {
  return Response.json(todos, { headers: { 'X-Total-Count': String(todos.length) } })
})

export const POST = cors.wrap(async (request: Request) => {
  const { title } = await request.json()
  const todo = { id: todos.length + 1, title: String(title), done: false }
  todos.push(todo)
  return Response.json(todo, { status: 201 })
})

export const OPTIONS = cors.OPTIONS
