'use strict'
// A Python venv with the servers' exact versions, built once with pip and kept under the OS
// temp dir (keyed by the requirements), so reruns start at once.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const crypto = require('node:crypto')
const { spawnSync } = require('node:child_process')

const REQUIREMENTS = ['fastapi==0.165.0', 'starlette==1.10.0', 'uvicorn==0.54.0', 'django==5.2.19', 'django-cors-headers==4.9.0', 'flask==3.1.3', 'flask-cors==6.0.5']

function findPython() {
  for (const candidate of [process.env.CORS_NATIVE_PYTHON, 'python3.11', 'python3'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import venv, ensurepip, sys; print(sys.version_info >= (3, 10))'], { encoding: 'utf8' })
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate
  }
  return null
}

/** Why the Python servers cannot run here, or null. */
function pythonMissing() {
  return findPython() ? null : 'no Python >= 3.10 with the venv module (apt-get install python3-venv)'
}

/** Returns the venv's python, building the venv first if needed; throws if that fails. */
function pythonWithServers() {
  const key = crypto.createHash('sha256').update(REQUIREMENTS.join('\n')).digest('hex').slice(0, 12)
  const dir = path.join(os.tmpdir(), `cors-native-check-venv-${key}`)
  const python = path.join(dir, 'bin', 'python')
  const stamp = path.join(dir, '.complete')
  if (fs.existsSync(stamp)) return python
  const base = findPython()
  if (!base) throw new Error(pythonMissing())
  fs.rmSync(dir, { recursive: true, force: true })
  const run = (command, args) => {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10 * 60_000 })
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}${result.error ?? ''}`)
  }
  run(base, ['-m', 'venv', dir])
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...REQUIREMENTS])
  fs.writeFileSync(stamp, REQUIREMENTS.join('\n'))
  return python
}

module.exports = { pythonWithServers, pythonMissing, REQUIREMENTS }
