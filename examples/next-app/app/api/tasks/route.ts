import { permanentRedirect } from 'next/navigation'
import { cors } from '../../../lib/cors'

// The API's old name: permanentRedirect() answers 308, which keeps the method and body.
export const { GET, POST, OPTIONS } = cors.routes({
  GET: async () => permanentRedirect('/api/todos'),
  POST: async () => permanentRedirect('/api/todos'),
})
