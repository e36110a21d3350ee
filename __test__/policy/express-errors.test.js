'use strict'
// A route that fails still answers with the CORS headers, so the browser shows the real 500
// instead of a misleading CORS error. Express's own error handler keeps headers already set.
const test = require('node:test')
const assert = require('node:assert/strict')
const cors = require('../..')
const { listen } = require('../support/differential-server')
const { request, agent } = require('../support/http-client')

const ORIGIN = 'https://app.example.com'

function failingApp(express) {
  const app = express()
  app.use(cors({ origin: [ORIGIN], credentials: true }))
  app.get('/throws', () => { throw new Error('route bug') })
  app.get('/rejects', async () => { throw new Error('async route bug') })
  app.get('/next-error', (req, res, next) => setImmediate(next, new Error('late failure')))
  return app
}

function corsPairs(response) {
  return response.headers.filter(([name]) => name.startsWith('Access-Control-') || name === 'Vary')
}

for (const [module, version] of [['express4', 'Express 4'], ['express', 'Express 5']]) {
  test(`${version}: error responses from the default error handler keep the CORS headers`, async (t) => {
    const app = failingApp(require(module))
    app.set('env', 'test') // Express logs errors to stderr in any other env
    const server = await listen(app)
    t.after(() => { agent.destroy(); return server.close() })
    // Express 4 does not catch rejected promises; only Express 5 routes may be async.
    const paths = version === 'Express 5' ? ['/throws', '/rejects', '/next-error'] : ['/throws', '/next-error']
    for (const path of paths) {
      const response = await request(server.baseUrl + path, { headers: { Origin: ORIGIN } })
      assert.equal(response.status, 500, path)
      assert.deepEqual(corsPairs(response), [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Vary', 'Origin'],
        ['Access-Control-Allow-Credentials', 'true'],
      ], path)
    }
  })
}
