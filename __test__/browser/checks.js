'use strict'
// What a run must show: the verdict the scenario expects for this target and engine, and the
// scenario's other checks. Returns the list of failures (empty when the run is as expected).
const { headerOf, isPreflight } = require('./exchange')

/** The expected verdict, the most specific override winning: engine, target, flavour, default. */
function expectedVerdict(scenario, target, engine) {
  return scenario.engines?.[engine]?.expect ?? scenario.targets?.[target.key]?.expect ??
    (target.flavour === 'native' ? scenario.native?.expect : undefined) ?? scenario.expect
}

function expectedHits(scenario, engine) {
  return typeof scenario.optionsHits === 'object' ? scenario.optionsHits[engine] : scenario.optionsHits
}

/** A request header the route received, as it echoes it in its JSON body (null: none). */
function receivedBy(body, name) {
  try {
    return JSON.parse(body)[name]
  } catch {
    return `no JSON body: ${body.slice(0, 40)}`
  }
}

function checkRun({ scenario, target, engine, result, log }) {
  const failures = []
  const fail = (message) => failures.push(`${scenario.name} [${target.name}]: ${message}`)
  const expected = expectedVerdict(scenario, target, engine)
  if (result.verdict !== expected) fail(`expected ${expected}, got ${result.verdict} ${result.error ?? ''}`)
  if (result.verdict === 'ok') {
    if (scenario.status && result.status !== scenario.status) fail(`status ${result.status}, expected ${scenario.status}`)
    for (const [name, value] of Object.entries(scenario.reads ?? {})) {
      const read = result.read[name]?.split(';')[0] ?? null
      if (read !== value) fail(`read ${name} = ${read}, expected ${value}`)
    }
    for (const [name, expected] of Object.entries(scenario.received ?? {})) {
      const received = receivedBy(result.text, name)
      if (received !== expected) fail(`the route received ${name} ${JSON.stringify(received)}, expected ${JSON.stringify(expected)}`)
    }
  }
  const preflights = log.filter(isPreflight)
  const hits = expectedHits(scenario, engine)
  if (hits !== undefined && preflights.length !== hits) fail(`${preflights.length} preflights reached the server, expected ${hits}`)
  const status = scenario.preflightStatus?.[target.flavour]
  if (status !== undefined && preflights[0]?.response?.status !== status) fail(`preflight status ${preflights[0]?.response?.status}, expected ${status}`)
  for (const preflight of preflights) {
    if (headerOf(preflight.headers, 'cookie') !== undefined) fail('a preflight carried a cookie')
  }
  return failures
}

module.exports = { checkRun, expectedVerdict }
