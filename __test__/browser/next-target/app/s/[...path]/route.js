import { scenarioHandler } from '../../scenario'

async function handle(request, context) {
  const [index, final] = (await context.params).path
  return scenarioHandler(Number(index), final === 'final')(request, context)
}

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as DELETE, handle as PATCH, handle as OPTIONS }
