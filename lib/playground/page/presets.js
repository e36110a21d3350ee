'use strict'
// The commonest CORS mistakes, each as options and a request. What each one does is not
// written here: the page shows it by running the preset in this browser and asking the model.
// `options(origin)` gets this page's origin, the one the mistakes are about.
const PRESETS = [
  {
    id: 'trailing-slash',
    title: 'Trailing slash in the origin',
    options: (origin) => `{ origin: ['${origin}/'] }`,
    request: {},
  },
  {
    id: 'star-credentials',
    title: '* with credentials',
    options: () => "{ origin: '*', credentials: true }",
    request: { credentials: true },
  },
  {
    id: 'forgotten-header',
    title: 'A request header not allowed',
    options: (origin) => `{ origin: ['${origin}'], allowedHeaders: ['Content-Type'] }`,
    request: { headers: 'Authorization: Bearer abc123' },
  },
  {
    id: 'method-not-listed',
    title: 'A method not listed',
    options: (origin) => `{ origin: ['${origin}'], methods: ['GET', 'POST'] }`,
    request: { method: 'DELETE' },
  },
  {
    id: 'error-500',
    title: 'A 500 without CORS headers',
    options: (origin) => `{ origin: ['${origin}'] }`,
    request: { route: '/fails' },
  },
  {
    id: 'redirect',
    title: 'A redirect before cors',
    options: (origin) => `{ origin: ['${origin}'] }`,
    request: { route: '/old-items' },
  },
]
