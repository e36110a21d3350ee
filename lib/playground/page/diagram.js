'use strict'
// The exchange as a sequence diagram: one arrow from the page to the server for each request
// the server saw (preflights, the actual request, each redirect's next request), one back with
// its answer, the engines blocked at each answer named beside it, and the raw headers of every
// message in a disclosure below. Everything here came from the network, so it only ever goes
// into text nodes.
const SVG = 'http://www.w3.org/2000/svg'
const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' }
const STEP_WORDS = { preflight: 'the preflight', redirect: 'the redirect', response: 'the response' }
const WIDTH = 640
const PAGE_X = 90
const SERVER_X = 430
const ROW = 86
const TOP = 44
const LABEL_MAX = 60

const clip = (text) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text)

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value))
  if (text !== undefined) node.textContent = text
  return node
}

function arrow(group, y, fromX, toX) {
  const head = toX > fromX ? -8 : 8
  group.append(svg('line', { x1: fromX, y1: y, x2: toX + head, y2: y, class: 'arrow-line' }),
    svg('polygon', { points: `${toX},${y} ${toX + head},${y - 5} ${toX + head},${y + 5}`, class: 'arrow-head' }))
}

function headerOf(message, name) {
  return message.response.headers.find(([key]) => key.toLowerCase() === name)?.[1]
}

/** "1. OPTIONS /items (preflight)" and "204" or "301 to /items": one message in words. */
function describe(message, index) {
  const kind = message.preflight ? ' (preflight)' : message.hop > 0 ? ' (after a redirect)' : ''
  const location = headerOf(message, 'location')
  return {
    request: `${index + 1}. ${message.request.method} ${message.request.url}${kind}`,
    response: `${message.response.status}${location === undefined ? '' : ` to ${location}`}`,
  }
}

function rawText(message) {
  const line = ([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : value}`
  return [`${message.request.method} ${message.request.url}`, ...message.request.headers.map(line), '',
    `${message.response.status}`, ...message.response.headers.map(line)].join('\n')
}

/** Which engines were blocked at message `index`, in words: "Blocked here: Chromium, WebKit (the preflight)". */
function blockedWords(index, blocked, engines) {
  const names = Object.keys(blocked).filter((engine) => blocked[engine] === index)
  if (names.length === 0) return null
  const steps = [...new Set(names.map((engine) => STEP_WORDS[engines[engine].step] ?? engines[engine].step))]
  return `✗ Blocked here: ${names.map((engine) => ENGINE_NAMES[engine]).join(', ')} (at ${steps.join(', ')})`
}

/**
 * The diagram and the disclosures for `messages` (the API origin's log, labelled by the server),
 * `blocked` (engine -> index of the message it was blocked at, or null) and the model's verdicts.
 */
function sequenceDiagram({ messages, blocked, engines }, origins) {
  const box = document.createElement('div')
  box.className = 'sequence'
  const allowed = Object.keys(engines).filter((engine) => engines[engine].allowed)
  const height = TOP + messages.length * ROW + 12
  const drawing = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', class: 'diagram' })
  const summary = []
  drawing.append(
    svg('text', { x: PAGE_X, y: 16, 'text-anchor': 'middle', class: 'lane' }, 'page'),
    svg('text', { x: PAGE_X, y: 32, 'text-anchor': 'middle', class: 'origin' }, clip(origins.from)),
    svg('text', { x: SERVER_X, y: 16, 'text-anchor': 'middle', class: 'lane' }, 'server'),
    svg('text', { x: SERVER_X, y: 32, 'text-anchor': 'middle', class: 'origin' }, clip(origins.api)),
    svg('line', { x1: PAGE_X, y1: TOP - 6, x2: PAGE_X, y2: height, class: 'lifeline' }),
    svg('line', { x1: SERVER_X, y1: TOP - 6, x2: SERVER_X, y2: height, class: 'lifeline' }))
  const list = document.createElement('ol')
  list.className = 'messages'

  messages.forEach((message, index) => {
    const words = describe(message, index)
    const y = TOP + index * ROW + 18
    const stop = blockedWords(index, blocked, engines)
    const last = index === messages.length - 1
    const read = last && allowed.length ? `✓ Read by the page: ${allowed.map((engine) => ENGINE_NAMES[engine]).join(', ')}` : null
    const group = svg('g', { class: `message${stop ? ' blocked' : ''}`, 'data-message': index })
    group.append(svg('rect', { x: 0, y: y - 22, width: WIDTH, height: ROW, class: 'hit' }))
    group.append(svg('text', { x: PAGE_X + 8, y: y - 6, class: 'label' }, clip(words.request)))
    arrow(group, y, PAGE_X, SERVER_X)
    group.append(svg('text', { x: PAGE_X + 8, y: y + 26, class: 'label' }, words.response))
    arrow(group, y + 32, SERVER_X, PAGE_X)
    if (stop) group.append(svg('text', { x: PAGE_X + 8, y: y + 50, class: 'stop' }, stop))
    else if (read) group.append(svg('text', { x: PAGE_X + 8, y: y + 50, class: 'read' }, read))
    drawing.append(group)
    summary.push(`${words.request}, answered ${words.response}${stop ? `. ${stop}` : ''}${read ? `. ${read}` : ''}`)

    const item = document.createElement('li')
    const details = document.createElement('details')
    details.id = `message-${index + 1}`
    const title = document.createElement('summary')
    title.textContent = `${words.request}: ${words.response}${stop ? ` (${stop.replace('✗ ', '')})` : ''}`
    const raw = document.createElement('pre')
    raw.textContent = rawText(message)
    details.append(title, raw)
    item.append(details)
    list.append(item)
    group.addEventListener('click', () => {
      details.open = true
      title.focus()
    })
  })
  drawing.setAttribute('aria-label', summary.length ? `Sequence of the messages: ${summary.join('; ')}` : 'No message reached the server')
  const hint = document.createElement('p')
  hint.className = 'hint'
  hint.textContent = 'Each message\'s raw headers: click its arrow, or open it below.'
  box.append(drawing, hint, list)
  return box
}
