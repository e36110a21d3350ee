'use strict'
// Every code block of README.md and docs/*.md works as a reader would paste it.
// - JS and TS blocks compile under strict, as files of one app (compile-blocks.js): a block
//   whose first line names a file (`// lib/cors.ts`) is that file, for the blocks importing it;
//   what a snippet takes as the reader's own code comes from readme-stub.ts, and nothing else.
// - A block is a whole program, and runs, when it uses nothing from the stub or another block.
//   It must exit by itself with nothing on stderr (so no warning either), or, if it listens,
//   answer one request on the free port of 127.0.0.1 it gets instead of its own.
// - Shell lines run `npx cors-native` commands and flags that its --help lists, and npm
//   scripts that package.json has; JSON blocks parse. Blocks with no language or `text` are
//   output, not code; any other language fails until this test knows it.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { spawn } = require('node:child_process')
const ts = require('typescript')
const { codeBlocks } = require('./code-blocks')
const { compileBlocks, extensions } = require('./compile-blocks')
const help = require('../../lib/cli/help')
const { scripts } = require('../../package.json')

const repo = path.join(__dirname, '..', '..')
const shells = new Set(['sh', 'bash', 'shell'])
const output = new Set(['', 'text'])

// Blocks that must fail, proving the test catches what it is for.
const fixture = `
\`\`\`ts
export const todos = await listTodo()
\`\`\`

\`\`\`js
const express = require('express')
const cors = require('cors-native')

const app = express()
app.use(cors({ origin: 'https://app.example.com' }))
app.get('/', (req, res) => res.send('ok'))
app.listen(3000)
\`\`\`
`

const documents = ['README.md', ...fs.readdirSync(path.join(repo, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]
const blocks = documents.flatMap((file) => codeBlocks(fs.readFileSync(path.join(repo, file), 'utf8')).map((block) => ({ file, ...block })))
const fixtureBlocks = codeBlocks(fixture).map((block) => ({ file: 'fixture.md', ...block }))
const { errors, programs } = compileBlocks([...blocks, ...fixtureBlocks].filter((block) => extensions[block.lang]))
const where = (block) => `${block.file}:${block.line}`

/** Runs a program block; resolves its exit code and stderr, or the answer to one request if it listens. */
function run(block) {
  const { outputText } = ts.transpileModule(block.code, {
    fileName: `block${extensions[block.lang]}`,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  })
  const child = spawn(process.execPath, ['--require', path.join(__dirname, 'listen-free-port.js'), '-e', outputText], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // a program that neither exits nor listens is stopped, and fails with its signal
    timeout: 30_000,
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => { if (stderr.length < 65536) stderr += chunk })
  return new Promise((resolve, reject) => {
    let answer
    child.on('error', reject)
    child.on('message', ({ port }) => {
      fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(10_000) })
        .then(async (response) => ({ status: response.status, body: (await response.text()).slice(0, 1000) }))
        .catch((error) => ({ error: error.message }))
        .then((result) => {
          answer = result
          if (child.exitCode === null) process.kill(child.pid)
        })
    })
    child.on('close', (code, signal) => resolve(answer ? { answer, stderr } : { code: code ?? signal, stderr }))
  })
}

/** What in a shell block names a cors-native command or flag, or an npm script, that does not exist. */
function shellProblems(code) {
  const problems = []
  for (const line of code.split('\n').map((l) => l.replace(/\s#.*$/, '').trim())) {
    const npx = /^npx cors-native (\S+)(.*)$/.exec(line)
    if (npx) {
      const [, command, rest] = npx
      if (command === 'main' || !Object.hasOwn(help, command)) problems.push(`${line}: cors-native has no command ${command}`)
      else {
        for (const flag of rest.match(/--[a-z][a-z-]*/g) ?? []) {
          if (!new RegExp(`${flag}(?![a-z-])`).test(help[command])) problems.push(`${line}: cors-native ${command} --help lists no ${flag}`)
        }
      }
    }
    const npm = /^npm (?:run (\S+)|(test))\b/.exec(line)
    if (npm && !Object.hasOwn(scripts, npm[1] ?? npm[2])) problems.push(`${line}: package.json has no script ${npm[1] ?? npm[2]}`)
  }
  return problems
}

test('every code block is in a language this test checks (JS, TS, shell, JSON) or is output', () => {
  const unknown = blocks.filter((b) => !extensions[b.lang] && !shells.has(b.lang) && b.lang !== 'json' && !output.has(b.lang))
  assert.deepEqual(unknown.map((b) => `${where(b)}: ${b.lang}`), [])
})

test('the stub and the compiler options have no errors', () => {
  assert.deepEqual(errors.filter((e) => !e.block).map((e) => `${e.where}: ${e.message}`), [])
})

for (const block of blocks) {
  if (extensions[block.lang]) {
    test(`${where(block)} (${block.lang}) compiles under strict`, () => {
      assert.deepEqual(errors.filter((e) => e.block === block).map((e) => `${e.where}: ${e.message}`), [])
    })
  } else if (shells.has(block.lang)) {
    test(`${where(block)} (${block.lang}) names real commands, flags and scripts`, () => {
      assert.deepEqual(shellProblems(block.code), [])
    })
  } else if (block.lang === 'json') {
    test(`${where(block)} (json) parses`, () => {
      assert.doesNotThrow(() => JSON.parse(block.code), where(block))
    })
  }
}

for (const block of programs.filter((b) => b.file !== 'fixture.md')) {
  test(`${where(block)} runs as a whole program`, async () => {
    const result = await run(block)
    if (result.answer) assert.equal(typeof result.answer.status, 'number', `${where(block)} listens but did not answer: ${result.answer.error}`)
    else assert.equal(result.code, 0, `${where(block)} exited with ${result.code}: ${result.stderr}`)
    assert.equal(result.stderr, '', `${where(block)} wrote to stderr`)
  })
}

test('a block using a name defined neither in it nor in the stub fails at its line', () => {
  const [missing, server] = fixtureBlocks
  assert.ok(errors.some((e) => e.block === missing && e.where === 'fixture.md:3' && /Cannot find name 'listTodo'/.test(e.message)), JSON.stringify(errors))
  assert.ok(programs.includes(server))
  assert.ok(!programs.includes(missing))
})

test('a block that listens is started on a free port of 127.0.0.1 and answers one request', async () => {
  const result = await run(fixtureBlocks[1])
  assert.deepEqual(result, { answer: { status: 200, body: 'ok' }, stderr: '' })
})

test('shell lines naming a command, flag or script that does not exist fail', () => {
  assert.deepEqual(shellProblems('npx cors-native chek https://x.test\nnpx cors-native check https://x.test --orgin https://a.test\nnpm run benchh  # typo\nnpx cors-native playground [--port N]\n'), [
    'npx cors-native chek https://x.test: cors-native has no command chek',
    'npx cors-native check https://x.test --orgin https://a.test: cors-native check --help lists no --orgin',
    'npm run benchh: package.json has no script benchh',
  ])
})
