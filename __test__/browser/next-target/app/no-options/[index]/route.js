import { scenarioHandler } from '../../scenario'

// Only PUT: Next.js answers OPTIONS itself, without the CORS headers.
export async function PUT(request, context) {
  return scenarioHandler(Number((await context.params).index), false)(request, context)
}
