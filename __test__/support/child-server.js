'use strict'
// Starts a Node script that prints its URL once listening, and resolves with that URL once
// the output also matches `ready` (by default the URL itself).
const { spawn } = require('node:child_process')

const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+/

function startServer(script, { cwd, env = {}, args = [], ready = URL_PATTERN, timeoutMs = 30_000 } = {}) {
  const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${script} was not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs)
    function fail(error) {
      clearTimeout(timer)
      child.kill()
      reject(error)
    }
    const collect = (chunk) => {
      output += chunk
      const match = output.match(URL_PATTERN)
      if (match && ready.test(output)) {
        clearTimeout(timer)
        resolve({ url: match[0], pid: child.pid, output: () => output, stop: () => stopChild(child) })
      }
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('exit', (code) => fail(new Error(`${script} exited with ${code}:\n${output}`)))
  })
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.on('exit', resolve)
    child.kill()
  })
}

module.exports = { startServer }
