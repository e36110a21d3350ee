'use strict'
// Greedy all-pairs covering array: every value of every dimension appears together with every
// value of every other dimension in at least one row. Each row is seeded with the first pair
// not yet covered; every other dimension then takes the value covering the most uncovered pairs,
// ties going to the lowest index, so the result is deterministic.

function pairKey(dimA, valueA, dimB, valueB) {
  return dimA < dimB ? `${dimA}=${valueA},${dimB}=${valueB}` : `${dimB}=${valueB},${dimA}=${valueA}`
}

function allPairKeys(sizes) {
  const pairs = new Map()
  for (let dimA = 0; dimA < sizes.length; dimA++) {
    for (let dimB = dimA + 1; dimB < sizes.length; dimB++) {
      for (let valueA = 0; valueA < sizes[dimA]; valueA++) {
        for (let valueB = 0; valueB < sizes[dimB]; valueB++) {
          pairs.set(pairKey(dimA, valueA, dimB, valueB), [dimA, valueA, dimB, valueB])
        }
      }
    }
  }
  return pairs
}

function uncoveredWith(row, dim, value, uncovered) {
  let count = 0
  row.forEach((other, otherDim) => {
    if (other !== undefined && otherDim !== dim && uncovered.has(pairKey(dim, value, otherDim, other))) count++
  })
  return count
}

function bestValue(row, dim, size, uncovered) {
  let best = 0
  let bestCount = -1
  for (let value = 0; value < size; value++) {
    const count = uncoveredWith(row, dim, value, uncovered)
    if (count > bestCount) [best, bestCount] = [value, count]
  }
  return best
}

function markCovered(row, uncovered) {
  for (let dimA = 0; dimA < row.length; dimA++) {
    for (let dimB = dimA + 1; dimB < row.length; dimB++) uncovered.delete(pairKey(dimA, row[dimA], dimB, row[dimB]))
  }
}

/** Rows of value indexes, one per dimension, given each dimension's number of values (2+ dimensions). */
function allPairs(sizes) {
  const uncovered = allPairKeys(sizes)
  const rows = []
  while (uncovered.size > 0) {
    const [dimA, valueA, dimB, valueB] = uncovered.values().next().value
    const row = new Array(sizes.length).fill(undefined)
    row[dimA] = valueA
    row[dimB] = valueB
    sizes.forEach((size, dim) => {
      if (row[dim] === undefined) row[dim] = bestValue(row, dim, size, uncovered)
    })
    markCovered(row, uncovered)
    rows.push(row)
  }
  return rows
}

module.exports = { allPairs }
