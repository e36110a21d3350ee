'use strict'
// The playground page: edits the options (linted as you type), sends the request from this
// browser (or from the other origin's frame), and shows the outcome beside what the server saw.
// Presets (presets.js) load a common mistake; the state lives in the fragment (state.js); the
// exchange is drawn by diagram.js, whose ENGINE_NAMES and STEP_WORDS the verdicts share; the
// cookies the answers set are tabled by cookies.js.
const token = new URLSearchParams(location.search).get('token')
const $ = (id) => document.getElementById(id)
let origins
let lintTimer

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'X-Playground-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return response.json()
}

function element(tag, text, className) {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

function renderLints({ error, lints, code }) {
  const box = $('lints')
  box.replaceChildren()
  if (error) {
    box.append(element('p', `Cannot use these options: ${error}`, 'error'))
    return
  }
  if (lints.length === 0) box.append(element('p', 'No problems found in these options.'))
  for (const lint of lints) {
    const item = element('div', undefined, 'lint')
    item.append(element('strong', lint.code), element('p', lint.message))
    if (lint.suggestion?.length) item.append(element('p', `Suggested: ${lint.suggestion.join(', ')}`))
    box.append(item)
  }
  const codeBox = $('code')
  codeBox.replaceChildren()
  for (const [name, label] of [['express', 'Express'], ['next', 'Next.js (cors-native/next)'], ['hono', 'Hono (cors-native/fetch)'], ['env', 'Environment variables (cors.fromEnv)']]) {
    codeBox.append(element('h3', label), element('pre', code[name]))
  }
}

async function lint() {
  renderLints(await api('POST', '/api/options', { text: $('options').value }))
}

function requestInit() {
  const headers = {}
  for (const line of $('headers').value.split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  const body = { none: undefined, text: 'hello', json: '{"hello":"world"}' }[$('body').value]
  if ($('body').value === 'json') headers['Content-Type'] = 'application/json'
  if ($('body').value === 'text') headers['Content-Type'] = 'text/plain'
  return { method: $('method').value, headers, body, credentials: $('credentials').checked ? 'include' : 'omit' }
}

function viaOtherOrigin(url, init) {
  const id = Math.random().toString(36).slice(2)
  return new Promise((resolve) => {
    addEventListener('message', function answer(event) {
      if (event.origin !== origins.other || event.data?.id !== id) return
      removeEventListener('message', answer)
      resolve(event.data.outcome)
    })
    $('sender').contentWindow.postMessage({ id, url, init }, origins.other)
  })
}

// The engine this page runs in, as the model names engines.
function thisEngine() {
  const agent = navigator.userAgent
  if (/Firefox\//.test(agent)) return 'firefox'
  if (/Chrom(e|ium)\//.test(agent)) return 'chromium'
  return 'webkit'
}

function verdictTable(engines) {
  const table = element('table')
  const head = table.createTHead().insertRow()
  for (const title of ['Engine', 'Verdict', 'Console', 'Fix']) head.append(element('th', title))
  const body = table.createTBody()
  for (const [name, verdict] of Object.entries(engines)) {
    const row = body.insertRow()
    row.dataset.engine = name
    row.append(element('th', ENGINE_NAMES[name]),
      element('td', verdict.allowed ? 'allowed' : 'blocked', verdict.allowed ? 'allowed' : 'blocked'),
      element('td', verdict.console ?? ''), element('td', verdict.fix ?? ''))
  }
  return table
}

// Each engine: the model's verdict, what this browser really did (on its own row), and where.
function renderModel({ prediction, messages, blocked }, outcome, from) {
  const box = $('model')
  const engine = thisEngine()
  const table = element('table')
  const head = table.createTHead().insertRow()
  for (const title of ['Engine', 'The model says', 'This browser did', 'Where']) head.append(element('th', title))
  const body = table.createTBody()
  for (const [name, verdict] of Object.entries(prediction.engines)) {
    const row = body.insertRow()
    row.dataset.engine = name
    const real = name === engine ? (outcome.allowed ? 'allowed' : 'blocked') : null
    if (real) row.className = 'this-engine'
    const at = blocked[name]
    const where = verdict.allowed ? 'the page reads the response'
      : `at ${STEP_WORDS[verdict.step] ?? verdict.step}${at === null ? ' (not among the messages below)' : `, message ${at + 1}`}`
    row.append(element('th', real ? `${ENGINE_NAMES[name]} (this browser)` : ENGINE_NAMES[name]),
      element('td', verdict.allowed ? 'allowed' : 'blocked', verdict.allowed ? 'allowed' : 'blocked'),
      element('td', real ?? 'not this browser', real ?? 'other'), element('td', where))
    row.cells[2].dataset.real = real ?? ''
  }
  box.replaceChildren(table)
  const fixes = new Map()
  for (const [name, verdict] of Object.entries(prediction.engines)) {
    if (verdict.fix) fixes.set(verdict.fix, [...(fixes.get(verdict.fix) ?? []), ENGINE_NAMES[name]])
  }
  for (const [fix, names] of fixes) box.append(element('p', `Fix (${names.join(', ')}): ${fix}`, 'fix'))
  const consoles = Object.entries(prediction.engines).filter(([, verdict]) => verdict.console)
  if (consoles.length) {
    const details = element('details')
    details.append(element('summary', 'What each console says'))
    for (const [name, verdict] of consoles) details.append(element('p', `${ENGINE_NAMES[name]}: ${verdict.console}`))
    box.append(details)
  }
  if (prediction.engines[engine].allowed !== outcome.allowed) {
    const warning = element('p', `The model predicted ${prediction.engines[engine].allowed ? 'allowed' : 'blocked'} for ${engine}, but this browser ${outcome.allowed ? 'allowed' : 'blocked'} the request: that is a bug in the model.`, 'disagreement')
    warning.id = 'disagreement'
    warning.setAttribute('role', 'alert')
    box.prepend(warning)
  }
  $('exchange').replaceChildren(element('h3', 'What was exchanged'),
    messages.length ? sequenceDiagram({ messages, blocked, engines: prediction.engines }, { from, api: origins.api }) : element('p', 'The request never reached the server.'))
}

// The model's verdicts on the cookies the answers set, beside whether this browser's repeat of
// the same fetch (from the same origin) carried them.
async function showCookies(predicted, url, init, from) {
  if (predicted.cookies.length === 0) return
  if (from === location.origin) await fetchOutcome(url, init)
  else await viaOtherOrigin(url, init)
  const carried = await api('POST', '/api/carried', { since: predicted.messages.length })
  if (carried.error) {
    $('cookies').replaceChildren(element('p', `Cannot tell what this browser sent back: ${carried.error}`, 'error'))
    return
  }
  $('cookies').replaceChildren(cookieTables(predicted.cookies, carried, thisEngine(), predicted.cookieProblems))
}

async function send() {
  $('cookies').replaceChildren()
  const applied = await api('POST', '/api/options', { text: $('options').value, apply: true, setCookie: $('set-cookie').value })
  renderLints(applied)
  if (applied.error) {
    $('result').replaceChildren(element('p', `Not sent: ${applied.error}`, 'error'))
    return
  }
  await api('POST', '/api/reset')
  const url = `${origins.api}${$('route').value}`
  const init = requestInit()
  const from = $('from').value === 'page' ? location.origin : origins.other
  const outcome = from === location.origin ? await fetchOutcome(url, init) : await viaOtherOrigin(url, init)
  const summary = outcome.allowed
    ? element('p', `Allowed: ${init.method} from ${from} got ${outcome.status}; the page can read the response.`, 'allowed')
    : element('p', `Blocked by this browser's CORS check: ${init.method} from ${from} (${outcome.error}).`, 'blocked')
  summary.id = 'verdict'
  $('result').replaceChildren(summary)
  const request = { url, origin: from, method: init.method, headers: init.headers, credentials: init.credentials }
  const predicted = await api('POST', '/api/predict', { request })
  if (predicted.error) {
    $('model').replaceChildren(element('p', `The model could not judge this exchange: ${predicted.error}`, 'error'))
    return
  }
  renderModel(predicted, outcome, from)
  await showCookies(predicted, url, init, from)
}

async function checkUrl() {
  const init = requestInit()
  const box = $('check-result')
  box.replaceChildren(element('p', 'Checking…'))
  const result = await api('POST', '/api/check', { url: $('check-url').value, origin: $('check-origin').value, method: init.method, headers: init.headers, credentials: init.credentials === 'include' })
  if (result.error) {
    box.replaceChildren(element('p', `Cannot check: ${result.error}`, 'error'))
    return
  }
  const summary = element('p', result.allowed ? 'Every engine allows this request.' : 'At least one engine blocks this request.', result.allowed ? 'allowed' : 'blocked')
  summary.id = 'check-verdict'
  box.replaceChildren(summary, verdictTable(result.engines))
  if (result.server) box.append(element('p', `Server recognised: ${result.server.label}`))
  if (result.fix) box.append(element('p', `Fix${result.fix.stack ? ` for ${result.server.label}` : ''}: ${result.fix.text}`))
  for (const finding of [...result.problems, ...result.unsafe]) box.append(element('p', `${finding.code}: ${finding.message}`, 'lint'))
}

const REQUEST_DEFAULTS = { from: 'page', route: '/items', method: 'GET', headers: '', body: 'none', credentials: 'omit', 'set-cookie': '' }
const TEXT_FIELDS = ['options', 'from', 'route', 'method', 'headers', 'body', 'set-cookie']

function readState() {
  return { ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, $(name).value])), credentials: $('credentials').checked ? 'include' : 'omit' }
}

function applyState(state) {
  for (const name of TEXT_FIELDS) {
    if (state[name] !== undefined) $(name).value = state[name]
  }
  if (state.credentials !== undefined) $('credentials').checked = state.credentials === 'include'
}

function saveState() {
  history.replaceState(null, '', `#${stateToFragment(readState())}`)
}

function restoreState() {
  if (location.hash.length <= 1) return
  const { state, error } = stateFromFragment(location.hash)
  $('state-note').textContent = error ? `Not restored: ${error}.` : 'Restored from the address.'
  if (state) applyState(state)
}

async function loadPreset(preset) {
  const { request } = preset
  applyState({
    ...REQUEST_DEFAULTS,
    ...request,
    credentials: request.credentials ? 'include' : 'omit',
    options: preset.options(origins.page),
  })
  saveState()
  $('state-note').textContent = `Loaded: ${preset.title}.`
  await send()
}

function presetButtons() {
  for (const preset of PRESETS) {
    const button = element('button', preset.title)
    button.type = 'button'
    button.dataset.preset = preset.id
    button.addEventListener('click', () => loadPreset(preset))
    $('presets').append(button)
  }
}

async function start() {
  origins = await api('GET', '/api/origins')
  $('options').value = `{\n  origin: ['${origins.page}'],\n  credentials: true,\n}`
  restoreState()
  presetButtons()
  const sender = new URL('/sender.html', origins.other)
  sender.search = new URLSearchParams({ token })
  $('sender').src = sender
  $('options').addEventListener('input', () => {
    clearTimeout(lintTimer)
    lintTimer = setTimeout(lint, 250)
  })
  for (const id of [...TEXT_FIELDS, 'credentials']) {
    $(id).addEventListener('input', saveState)
    $(id).addEventListener('change', saveState)
  }
  addEventListener('hashchange', () => {
    restoreState()
    lint()
  })
  $('send').addEventListener('click', send)
  $('check').addEventListener('click', checkUrl)
  $('check-origin').value = location.origin
  await lint()
  document.body.dataset.ready = 'true'
}

start()
