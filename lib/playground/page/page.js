'use strict'
// The playground page: edits the options (linted as you type), sends the request from this
// browser (or from the other origin's frame), and shows the outcome beside what the server saw.
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

function verdictTable(engines, highlight) {
  const table = element('table')
  const head = table.createTHead().insertRow()
  for (const title of ['Engine', 'Verdict', 'Console', 'Fix']) head.append(element('th', title))
  const body = table.createTBody()
  for (const [name, verdict] of Object.entries(engines)) {
    const row = body.insertRow()
    row.dataset.engine = name
    if (name === highlight) row.className = 'this-engine'
    row.append(element('th', name === highlight ? `${name} (this browser)` : name),
      element('td', verdict.allowed ? 'allowed' : 'blocked', verdict.allowed ? 'allowed' : 'blocked'),
      element('td', verdict.console ?? ''), element('td', verdict.fix ?? ''))
  }
  return table
}

function renderModel(prediction, outcome) {
  const box = $('model')
  const engine = thisEngine()
  box.replaceChildren(element('h3', "The model's verdict for each engine"), verdictTable(prediction.engines, engine))
  if (prediction.engines[engine].allowed !== outcome.allowed) {
    const warning = element('p', `The model predicted ${prediction.engines[engine].allowed ? 'allowed' : 'blocked'} for ${engine}, but this browser ${outcome.allowed ? 'allowed' : 'blocked'} the request: that is a bug in the model.`, 'disagreement')
    warning.id = 'disagreement'
    warning.setAttribute('role', 'alert')
    box.prepend(warning)
  }
}

function renderExchange(exchanges) {
  const box = $('exchange')
  box.replaceChildren(element('h3', 'What the server saw and answered'))
  if (exchanges.length === 0) box.append(element('p', 'The request never reached the server.'))
  for (const { request, response } of exchanges) {
    const lines = [`${request.method} ${request.url}`, ...request.headers.map(([name, value]) => `${name}: ${value}`), '',
      `${response.status}`, ...response.headers.map(([name, value]) => `${name}: ${value}`)]
    box.append(element('pre', lines.join('\n')))
  }
}

async function send() {
  const applied = await api('POST', '/api/options', { text: $('options').value, apply: true })
  renderLints(applied)
  if (applied.error) {
    $('result').replaceChildren(element('p', 'Fix the options first.', 'error'))
    return
  }
  await api('POST', '/api/reset')
  const url = `${origins.api}/items`
  const init = requestInit()
  const from = $('from').value === 'page' ? location.origin : origins.other
  const outcome = from === location.origin ? await fetchOutcome(url, init) : await viaOtherOrigin(url, init)
  const { exchanges } = await api('GET', '/api/exchanges')
  const summary = outcome.allowed
    ? element('p', `Allowed: ${init.method} from ${from} got ${outcome.status}; the page can read the response.`, 'allowed')
    : element('p', `Blocked by this browser's CORS check: ${init.method} from ${from} (${outcome.error}).`, 'blocked')
  summary.id = 'verdict'
  $('result').replaceChildren(summary)
  renderExchange(exchanges)
  const request = { url, origin: from, method: init.method, headers: init.headers, credentials: init.credentials }
  renderModel(await api('POST', '/api/predict', { request }), outcome)
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

async function start() {
  origins = await api('GET', '/api/origins')
  $('options').value = `{\n  origin: ['${origins.page}'],\n  credentials: true,\n}`
  const sender = new URL('/sender.html', origins.other)
  sender.search = new URLSearchParams({ token })
  $('sender').src = sender
  $('options').addEventListener('input', () => {
    clearTimeout(lintTimer)
    lintTimer = setTimeout(lint, 250)
  })
  $('send').addEventListener('click', send)
  $('check').addEventListener('click', checkUrl)
  $('check-origin').value = location.origin
  await lint()
  document.body.dataset.ready = 'true'
}

start()
