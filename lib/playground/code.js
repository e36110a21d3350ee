'use strict'
// "Copy as code": the playground's current options written for each way of using cors-native.

function literal(value, indent = '') {
  if (value instanceof RegExp) return String(value)
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, indent)).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `
    const entries = Object.entries(value).map(([key, item]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)
      return `${inner}${name}: ${literal(item, inner)},`
    })
    return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  return String(value)
}

// fromEnv reads only these options, and only plain values.
function envLines(options) {
  const lines = []
  const list = (value) => (Array.isArray(value) ? value : [value])
  const plain = (value) => list(value).every((item) => typeof item === 'string')
  const notes = []
  for (const [key, value] of Object.entries(options)) {
    if (key === 'origin' && plain(value)) lines.push(`CORS_ALLOWED_ORIGINS=${list(value).join(',')}`)
    else if (key === 'credentials' && typeof value === 'boolean') lines.push(`CORS_ALLOW_CREDENTIALS=${value}`)
    else if (key === 'methods' && plain(value)) lines.push(`CORS_ALLOWED_METHODS=${list(value).join(',')}`)
    else if (key === 'allowedHeaders' && plain(value)) lines.push(`CORS_ALLOWED_HEADERS=${list(value).join(',')}`)
    else if (key === 'exposedHeaders' && plain(value)) lines.push(`CORS_EXPOSED_HEADERS=${list(value).join(',')}`)
    else if (key === 'maxAge' && /^\d+$/.test(String(value))) lines.push(`CORS_MAX_AGE=${value}`)
    else notes.push(key)
  }
  if (notes.length) lines.push(`# not expressible as environment variables: ${notes.join(', ')} (pass them in code)`)
  return lines.join('\n')
}

function codeFor(options) {
  const object = literal(options)
  return {
    express: `const cors = require('cors-native')\n\napp.use(cors(${object}))`,
    next: `// lib/cors.ts\nimport { createCors } from 'cors-native/next'\n\nexport const cors = createCors(${object})\n\n// app/api/items/route.ts\n// export const { GET, POST, OPTIONS } = cors.routes({ GET, POST })`,
    hono: `import { Hono } from 'hono'\nimport { createCors } from 'cors-native/fetch'\n\nconst cors = createCors(${object})\n\nconst app = new Hono()\napp.use('/api/*', cors.middleware)`,
    env: `${envLines(options)}\n# in code: app.use(cors(cors.fromEnv()))`,
  }
}

module.exports = { codeFor, literal }
