'use strict'
// What happens to the cookies the API origin's answers set: per engine, the cookie model's
// verdict (stored, sent back, why not, the fix), and beside it what this browser really did,
// as the API origin saw it on the page's repeat of the fetch. Cookie names, reasons and notes
// quote what came from the network, so they only ever go into text nodes.
const COOKIE_ENGINES = { chromium: 'Chromium', chromiumThirdPartyAllowed: 'Chromium, 3rd-party cookies allowed', firefox: 'Firefox', webkit: 'WebKit' }

const cookieState = (verdict) => (verdict.stored ? (verdict.sent ? 'stored, sent back' : 'stored, not sent') : 'not stored')

function textNode(tag, text, className) {
  const node = document.createElement(tag)
  node.textContent = text
  if (className) node.className = className
  return node
}

/** True or false: whether the repeat carried `name`; null when the send already carried it (held from before). */
function sentBack(name, carried) {
  return carried.before.includes(name) ? null : carried.repeat.includes(name)
}

/**
 * A table per cookie of `cookies` (the model's report: name and a verdict per engine), one row
 * per engine as the CORS verdicts have, with what this browser did on its own row: `carried`
 * holds the cookie names the API origin saw (`before`, on the send; `repeat`, on its repeat),
 * `engine` is this browser's; then the fixes, and `problems` (the notes for the page).
 */
function cookieTables(cookies, carried, engine, problems) {
  const box = document.createElement('div')
  box.append(textNode('h3', 'Cookies the answers set'))
  const disagreements = []
  for (const cookie of cookies) {
    const table = document.createElement('table')
    table.dataset.cookie = cookie.name
    table.createCaption().textContent = `Cookie ${cookie.name || '(no name)'}`
    const head = table.createTHead().insertRow()
    for (const title of ['Engine', 'The model says', 'This browser did']) head.append(textNode('th', title))
    const body = table.createTBody()
    const real = sentBack(cookie.name, carried)
    for (const [name, verdict] of Object.entries(cookie.engines)) {
      const row = body.insertRow()
      row.dataset.engine = name
      const model = textNode('td', `${cookieState(verdict)}${verdict.reason ? `: ${verdict.reason}` : ''}`, verdict.sent ? 'allowed' : 'blocked')
      model.dataset.sent = String(verdict.sent)
      const mine = name === engine
      const did = !mine ? textNode('td', 'not this browser', 'other')
        : textNode('td', real === null ? 'already held before this send: not compared' : real ? 'sent back' : 'not sent back', real === null ? 'other' : real ? 'allowed' : 'blocked')
      if (mine) {
        row.className = 'this-engine'
        did.dataset.real = real === null ? 'held' : String(real)
      }
      row.append(textNode('th', mine ? `${COOKIE_ENGINES[name]} (this browser)` : COOKIE_ENGINES[name]), model, did)
    }
    box.append(table)
    if (real !== null && real !== cookie.engines[engine].sent) disagreements.push(`${cookie.name}: the model says ${cookieState(cookie.engines[engine])} for ${engine}, but this browser's repeat of the fetch ${real ? 'carried' : 'did not carry'} it`)
    const fixes = new Map()
    for (const [name, verdict] of Object.entries(cookie.engines)) {
      if (verdict.fix) fixes.set(verdict.fix, [...(fixes.get(verdict.fix) ?? []), COOKIE_ENGINES[name]])
    }
    for (const [fix, names] of fixes) box.append(textNode('p', `Fix for ${cookie.name} (${names.join('; ')}): ${fix}`, 'fix'))
  }
  if (disagreements.length) {
    const warning = textNode('p', `${disagreements.join('; ')}: that is a bug in the model.`, 'disagreement')
    warning.id = 'cookie-disagreement'
    warning.setAttribute('role', 'alert')
    box.prepend(warning)
  }
  for (const problem of problems) box.append(textNode('p', problem.message, 'lint'))
  box.append(textNode('p', '"This browser did": whether the page\'s repeat of the same fetch carried the cookie, as the API origin received it.', 'hint'))
  return box
}
