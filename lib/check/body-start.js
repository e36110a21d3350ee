'use strict'
// The start of a response body as one line of text: scripts, styles and tags dropped, the
// common entities decoded. Each step is one forward scan, linear in the body's length: the
// regexes it replaces backtracked for seconds on 64 KiB of `<`.

const LENGTH = 200

const ENTITIES = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" }

/**
 * A search for `pattern` (a global regex) in `text` from positions that only grow: the last
 * answer is kept while it lies ahead, so the text is read once however often it is asked.
 */
function forwardSearch(text, pattern) {
  let at
  return (from) => {
    if (at === -1 || at >= from) return at
    pattern.lastIndex = from
    at = pattern.exec(text)?.index ?? -1
    return at
  }
}

/** `text` with the spans from `start` to `end` (exclusive) each replaced by a space. */
function spliceSpaces(text, spans) {
  const parts = []
  let copied = 0
  for (const [start, end] of spans) {
    parts.push(text.slice(copied, start), ' ')
    copied = end
  }
  parts.push(text.slice(copied))
  return parts.join('')
}

/** What /<(script|style)[^>]*>[\s\S]*?<\/\1>/gi matches, found without backtracking. */
function blocks(text) {
  const spans = []
  const opening = /<(script|style)/gi
  const tagEnd = forwardSearch(text, />/g)
  const closing = { script: forwardSearch(text, /<\/script>/gi), style: forwardSearch(text, /<\/style>/gi) }
  for (let match; (match = opening.exec(text)) !== null;) {
    const end = tagEnd(opening.lastIndex)
    if (end === -1) break
    const name = match[1].toLowerCase()
    const close = closing[name](end + 1)
    if (close === -1) {
      opening.lastIndex = match.index + 1
      continue
    }
    opening.lastIndex = close + `</${name}>`.length
    spans.push([match.index, opening.lastIndex])
  }
  return spans
}

/** What /<[^>]*>/g matches: from each `<` to the next `>`. */
function tags(text) {
  const spans = []
  for (let start = text.indexOf('<'); start !== -1;) {
    const end = text.indexOf('>', start + 1)
    if (end === -1) break
    spans.push([start, end + 1])
    start = text.indexOf('<', end + 1)
  }
  return spans
}

/** The first 200 characters of `body`'s text, with `...` when there is more. */
function bodyStart(body) {
  const withoutBlocks = spliceSpaces(body, blocks(body))
  const text = spliceSpaces(withoutBlocks, tags(withoutBlocks))
    .replace(/&(nbsp|lt|gt|amp|quot|#39);/g, (_, name) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > LENGTH ? `${text.slice(0, LENGTH)}...` : text
}

module.exports = { bodyStart }
