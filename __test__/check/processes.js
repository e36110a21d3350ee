'use strict'
// A server child process that prints its URL once listening (or is told it: `url`); stopped by its PID.
const { spawn } = require('node:child_process')

const URL_PATTERN = /https?:\/\/127\.0\.0\.1:\d+/

function startProcess(command, args, { env = {}, cwd, url, ready = URL_PATTERN, timeoutMs = 60_000 } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.removeAllListeners('exit')
    child.on('exit', resolve)
    process.kill(child.pid)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${command} ${args.join(' ')} was not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs)
    function fail(error) {
      clearTimeout(timer)
      stop().then(() => reject(error))
    }
    const collect = (chunk) => {
      output += chunk
      const found = url ?? output.match(URL_PATTERN)?.[0]
      if (found && ready.test(output)) {
        clearTimeout(timer)
        resolve({ url: found, pid: child.pid, output: () => output, stop })
      }
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('exit', (code) => fail(new Error(`${command} exited with ${code}:\n${output}`)))
  })
}

module.exports = { startProcess }
