'use strict'
// The page's state (the options text and the request) in the URL's fragment, so that copying
// the URL shares a configuration. The fragment is data: read as URL parameters, each one known,
// checked and bounded, never evaluated. The token stays in the query and never goes here.
const STATE_MAX = 64 * 1024
// A select's value must be one of its options.
const choice = (id) => (value) => [...document.getElementById(id).options].some((option) => option.value === value)
const STATE_FIELDS = {
  options: (value) => value.length <= 16 * 1024,
  from: choice('from'),
  route: choice('route'),
  method: (value) => value.length <= 64,
  headers: (value) => value.length <= 4096,
  body: choice('body'),
  credentials: (value) => value === 'include' || value === 'omit',
  'set-cookie': (value) => value.length <= 4096,
}

/** The state as a fragment, without the leading '#'. */
function stateToFragment(state) {
  const params = new URLSearchParams()
  for (const name of Object.keys(STATE_FIELDS)) params.set(name, state[name])
  return params.toString()
}

/** `{ state }` with the fields a fragment sets, or `{ error }` saying what was refused. */
function stateFromFragment(fragment) {
  const text = fragment.replace(/^#/, '')
  if (text.length > STATE_MAX) return { error: `the address's fragment is over ${STATE_MAX} characters, so it was ignored` }
  const state = {}
  for (const [name, value] of new URLSearchParams(text)) {
    if (!Object.hasOwn(STATE_FIELDS, name)) return { error: `the address's fragment has an unknown field "${name.slice(0, 40)}", so it was ignored` }
    if (!STATE_FIELDS[name](value)) return { error: `the address's fragment has an invalid ${name}, so it was ignored` }
    state[name] = value
  }
  return { state }
}
