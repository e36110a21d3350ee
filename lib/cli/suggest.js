'use strict'
// `unknown option --orgin; did you mean --origin?`: the closest name by edit distance.
function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] !== b[j - 1]))
    row = next
  }
  return row[b.length]
}

function unknown(kind, word, names) {
  const [best] = names.map((name) => [distance(word, name), name]).sort((x, y) => x[0] - y[0])
  const close = best && best[0] <= Math.max(2, Math.floor(word.length / 3))
  return `unknown ${kind} ${word}${close ? `; did you mean ${best[1]}?` : ''}`
}

module.exports = { unknown, distance }
