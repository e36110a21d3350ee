'use strict'
// The three engines behind one interface: launch(engine) gives { open(url) -> page, close() },
// and a page gives { run(scenarioArgs) -> result, takeConsole() -> lines }.
// A missing browser skips its engine with a loud message naming the Debian package, except
// under CI=true, where it fails. Every launch is bounded by a timeout.
const fs = require('node:fs')

const ENGINES = [require('./chromium'), require('./firefox'), require('./webkit')]
const LAUNCH_TIMEOUT_MS = 60_000

/** The executable, overridable (to test the skip path) with CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH. */
function executableOf(engine) {
  const variable = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH', webkit: 'WEBKIT_DRIVER_PATH' }[engine.name]
  return process.env[variable] || engine.executable
}

/** What is missing to run `engine` (its executable, then any other file it `requires`), or null. */
function missingMessage(engine) {
  const needed = [[executableOf(engine), engine.debianPackage], ...(engine.requires ?? [])]
  for (const [file, debianPackage] of needed) {
    try {
      fs.accessSync(file, fs.constants.X_OK)
    } catch {
      return `${engine.name}: ${file} is missing; install the Debian package ${debianPackage} (apt-get install ${debianPackage})`
    }
  }
  return null
}

/**
 * Launches `engine` for the test `t` and closes it in t.after; resolves null after skipping
 * `t` when the browser is missing (throws instead under CI=true).
 */
async function launchFor(t, engine) {
  const missing = missingMessage(engine)
  if (missing) {
    if (process.env.CI === 'true') throw new Error(`${missing} (CI=true: a missing browser fails)`)
    process.stderr.write(`\n*** SKIPPED ${missing} ***\n\n`)
    t.skip(`SKIPPED ${missing}`)
    return null
  }
  const launching = engine.launch({ executable: executableOf(engine), timeoutMs: LAUNCH_TIMEOUT_MS })
  let timer
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${engine.name} did not start in ${LAUNCH_TIMEOUT_MS} ms`)), LAUNCH_TIMEOUT_MS + 5_000)
  })
  try {
    const session = await Promise.race([launching, timeout])
    t.after(() => session.close())
    return session
  } catch (error) {
    launching.then((late) => late.close(), () => {}) // a launch that finishes after the timeout
    throw error
  } finally {
    clearTimeout(timer)
  }
}

module.exports = { ENGINES, launchFor }
