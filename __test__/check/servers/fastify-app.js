'use strict'
// A Fastify 5 API with @fastify/cors, one configuration per path prefix: the typical one and
// the classic mistakes. PAGE_ORIGIN is the origin of the test page; FIX, when set, is the
// options object of the fix under test (JSON), served under /fixed merged over FIX_BASE's.
const fastify = require('fastify')
const cors = require('@fastify/cors')

const ORIGIN = process.env.PAGE_ORIGIN

const CONFIGS = {
  typical: { origin: [ORIGIN], credentials: true, methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] },
  defaults: { origin: [ORIGIN] },
  slash: { origin: `${ORIGIN}/` },
  'star-credentials': { origin: '*', credentials: true },
  'limited-headers': { origin: [ORIGIN], allowedHeaders: ['Content-Type'], methods: ['GET', 'POST', 'PUT'] },
  'origin-function': { origin: (origin, callback) => callback(null, origin === 'https://app.example.com') },
  'lower-case-methods': { origin: [ORIGIN], methods: ['get', 'put'] },
}

function routes(scope) {
  scope.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/items', handler: async () => [{ id: 1 }] })
  scope.get('/boom', async () => { throw new Error('the database is down') })
}

const app = fastify()
for (const [name, options] of Object.entries(CONFIGS)) {
  app.register(async (scope) => {
    await scope.register(cors, options)
    routes(scope)
  }, { prefix: `/${name}` })
}
// An authentication hook registered before the CORS plugin refuses the preflight too.
app.register(async (scope) => {
  scope.addHook('onRequest', async (request, reply) => {
    if (!request.headers.authorization) reply.code(401).send({ error: 'unauthorized' })
  })
  await scope.register(cors, { origin: [ORIGIN] })
  routes(scope)
}, { prefix: '/auth-first' })
// Routes outside any CORS scope.
app.register(async (scope) => routes(scope), { prefix: '/no-cors' })
if (process.env.FIX) {
  app.register(async (scope) => {
    await scope.register(cors, { ...CONFIGS[process.env.FIX_BASE], ...JSON.parse(process.env.FIX) })
    routes(scope)
  }, { prefix: '/fixed' })
}

app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(`http://127.0.0.1:${app.server.address().port}`))
