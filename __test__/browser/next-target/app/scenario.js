// Every browser scenario's policy through cors-native/next's cors.wrap, which also answers
// preflights. The scenarios are read at run time (not during `next build`) from the test's
// own files, whose directory comes from the environment, so one build serves them all.
import { createRequire } from 'node:module'
import path from 'node:path'
import { createCors } from 'cors-native/next'

const policies = new Map()
let loaded

function load() {
  if (!loaded) {
    const require = createRequire(path.join(process.cwd(), 'package.json'))
    const dir = process.env.CONFORMANCE_DIR
    loaded = {
      scenarios: require(path.join(dir, 'scenarios')).scenarios,
      routeAnswer: require(path.join(dir, 'routes')).routeAnswer,
      env: JSON.parse(process.env.CONFORMANCE_ENV),
    }
  }
  return loaded
}

function policy(index) {
  const { scenarios, env } = load()
  if (!policies.has(index)) policies.set(index, createCors(scenarios[index].options(env)))
  return policies.get(index)
}

export function scenarioHandler(index, final) {
  return policy(index).wrap(async (request) => {
    const { scenarios, routeAnswer, env } = load()
    const answer = routeAnswer(scenarios[index], index, { method: request.method, cookie: request.headers.get('cookie') ?? undefined, authorization: request.headers.get('authorization') ?? undefined, final }, env)
    return new Response(answer.body, { status: answer.status, headers: answer.headers })
  })
}
