'use strict'
// cors.fromEnv(env): options from environment variables, for twelve-factor deployments.
// A bad value is a TypeError naming the variable, the value and the fix.

const LISTS = {
  CORS_ALLOWED_METHODS: 'methods',
  CORS_ALLOWED_HEADERS: 'allowedHeaders',
  CORS_EXPOSED_HEADERS: 'exposedHeaders',
}

function envError(name, value, fix) {
  return new TypeError(`cors-native: ${name}: ${JSON.stringify(value)} ${fix}`)
}

function list(value) {
  return value.split(',').map((item) => item.trim()).filter(Boolean)
}

function fromEnv(env = process.env) {
  const options = {}
  const origins = env.CORS_ALLOWED_ORIGINS
  if (origins !== undefined) {
    const entries = list(origins)
    if (entries.length === 0) throw envError('CORS_ALLOWED_ORIGINS', origins, 'lists no origin; write comma-separated origins such as "https://app.example.com,https://*.example.com"')
    options.origin = entries.length === 1 && entries[0] === '*' ? '*' : entries
  }
  const credentials = env.CORS_ALLOW_CREDENTIALS
  if (credentials !== undefined) {
    const normalized = credentials.trim().toLowerCase()
    if (normalized !== 'true' && normalized !== 'false') throw envError('CORS_ALLOW_CREDENTIALS', credentials, 'is not true or false')
    options.credentials = normalized === 'true'
  }
  for (const [name, option] of Object.entries(LISTS)) {
    if (env[name] === undefined) continue
    const items = list(env[name])
    if (items.length === 0) throw envError(name, env[name], 'is empty; list comma-separated names, or unset it')
    options[option] = items
  }
  const maxAge = env.CORS_MAX_AGE
  if (maxAge !== undefined) {
    if (!/^\s*\d+\s*$/.test(maxAge)) throw envError('CORS_MAX_AGE', maxAge, 'is not a whole number of seconds; use a value such as 600')
    options.maxAge = Number(maxAge)
  }
  return options
}

module.exports = { fromEnv }
