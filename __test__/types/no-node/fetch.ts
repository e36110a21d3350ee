// cors-native/fetch and cors-native/next type-check without @types/node (an edge or browser-like
// project has only the DOM lib).
import { createCors, type CorsOptions } from 'cors-native/fetch'
import { createCors as createNextCors } from 'cors-native/next'

const options: CorsOptions = { origin: [/\.example\.com$/, 'https://app.example.com'], credentials: true, maxAge: 600 }
export const handler = createCors(options).wrap(async (request) => Response.json({ url: request.url }))
export const { GET, OPTIONS } = createNextCors({ origin: async (origin) => origin === 'https://app.example.com' }).routes({
  GET: () => Response.json([]),
})
// @ts-expect-error an unknown warning code
createCors({ warnings: { CORS_NATIVE_NOT_A_CODE: false } })
