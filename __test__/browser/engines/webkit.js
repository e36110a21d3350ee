'use strict'
// WebKitGTK (Debian's webkit2gtk-driver): WebKitWebDriver drives MiniBrowser, which has no
// headless mode, inside a private Xvfb display; selenium-webdriver speaks to the driver.
// WebKitWebDriver exposes no console log, so the console lines are always empty here.
const { spawn } = require('node:child_process')
const net = require('node:net')
const { Builder } = require('selenium-webdriver')
const { freePort } = require('../../support/free-port')

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const XVFB = '/usr/bin/Xvfb'

/** Xvfb picks a free display and writes its number to fd 3. */
function startXvfb() {
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    xvfb.on('error', reject)
    xvfb.on('exit', (code, signal) => reject(new Error(`Xvfb exited with ${code ?? signal}`)))
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve({ process: xvfb, display: `:${out.trim()}` })
    })
  })
}

function waitForPort(port, child, timeoutMs) {
  const until = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => reject(new Error(`WebKitWebDriver exited with ${code ?? signal}`)))
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve() })
      socket.on('error', () => (Date.now() > until ? reject(new Error('WebKitWebDriver did not listen')) : setTimeout(attempt, 50)))
    }
    attempt()
  })
}

/** `browserArgs`: MiniBrowser switches besides --automation. */
async function launch({ executable, timeoutMs, browserArgs = [] }) {
  const children = []
  const stop = () => { for (const child of [...children].reverse()) if (child.exitCode === null) child.kill() }
  // Without a working display the session request hangs with no error: killing the driver
  // and Xvfb makes every pending step fail.
  let timedOut = false
  const timer = setTimeout(() => { timedOut = true; stop() }, timeoutMs)
  try {
    const xvfb = await startXvfb()
    children.push(xvfb.process)
    const port = await freePort()
    const driverProcess = spawn(executable, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore' })
    children.push(driverProcess)
    await waitForPort(port, driverProcess, timeoutMs)
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        acceptInsecureCerts: true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...browserArgs] },
      })
      .build()
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 })
    clearTimeout(timer)
    return {
      driver,
      async open(url) {
        await driver.get(url)
        return {
          run: (args) => driver.executeAsyncScript('window.runScenario(arguments[0]).then(arguments[1])', args),
          takeConsole: () => [],
        }
      },
      async close() {
        await driver.quit().catch(() => {})
        stop()
      },
    }
  } catch (error) {
    clearTimeout(timer)
    stop()
    throw timedOut ? new Error(`WebKit did not start in ${timeoutMs} ms (${error.message})`) : error
  }
}

module.exports = {
  name: 'webkit',
  debianPackage: 'webkit2gtk-driver',
  executable: '/usr/bin/WebKitWebDriver',
  requires: [[MINIBROWSER, 'webkit2gtk-driver'], [XVFB, 'xvfb']],
  launch,
}
