'use strict'
// The fenced code blocks of a Markdown file: its language tag, its text and the line its code
// starts on (1-based), so a failure can point at README.md:123.

/** `[{ lang, code, line }]` for every ``` or ~~~ fenced block, indented ones (in lists) included. */
function codeBlocks(markdown) {
  const lines = markdown.split('\n')
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i])
    if (!open) continue
    const [, indent, fence, lang] = open
    const close = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`)
    const body = []
    let end = i + 1
    while (end < lines.length && !close.test(lines[end])) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end].trimStart())
      end++
    }
    if (end === lines.length) throw new Error(`the code block opened on line ${i + 1} is never closed`)
    blocks.push({ lang: lang.toLowerCase(), code: body.join('\n') + '\n', line: i + 2 })
    i = end
  }
  return blocks
}

module.exports = { codeBlocks }
