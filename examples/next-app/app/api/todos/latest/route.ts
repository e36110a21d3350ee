import { redirect } from 'next/navigation'
import { cors } from '../../../../lib/cors'
import { todos } from '../../../../lib/todos'

// redirect() answers 307 with Location and the CORS headers: a page on another origin follows it.
export const GET = cors.wrap(async () => redirect(`/api/todos/${todos[todos.length - 1].id}`))

export const OPTIONS = cors.OPTIONS
