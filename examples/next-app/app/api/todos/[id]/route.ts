import { notFound } from 'next/navigation'
import { cors } from '../../../../lib/cors'
import { todos } from '../../../../lib/todos'

// notFound() answers 404 with the CORS headers, so a page on another origin reads the status.
export const { GET, OPTIONS } = cors.routes({
  GET: async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params
    const todo = todos.find((candidate) => String(candidate.id) === id)
    if (!todo) notFound()
    return Response.json(todo)
  },
})
