'use strict'
// `npx cors-native` for a first-time user: help and version on every spelling, the closest
// name for a typo, and `--help` never starts the playground's servers or a build.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const bin = path.join(__dirname, '..', '..', 'bin', 'cors-native.js')
// A `cargo` first on PATH that leaves a mark, so a build that starts is seen (and goes nowhere).
const fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-native-cli-'))
const mark = path.join(fakeBin, 'cargo-ran')
fs.writeFileSync(path.join(fakeBin, 'cargo'), `#!/bin/sh\ntouch '${mark}'\nexit 1\n`, { mode: 0o755 })
test.after(() => fs.rmSync(fakeBin, { recursive: true, force: true }))

function cli(...args) {
  const env = { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, CARGO_TARGET_DIR: path.join(fakeBin, 'target') }
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 10_000, env })
  assert.equal(result.signal, null, `cors-native ${args.join(' ')} did not exit by itself: ${result.stdout}${result.stderr}`)
  return result
}

const mainHelp = (text) => {
  assert.match(text, /drop-in for the Express cors middleware/)
  for (const command of ['check <url>', 'why <line>', 'playground', 'build']) assert.match(text, new RegExp(`^  ${command} +\\S`, 'm'))
  assert.match(text, /cors-native <command> --help/)
  assert.match(text, /npx cors-native check https:\/\/\S+ --origin https:\/\//)
  assert.match(text, /exit codes: 0 .*1 .*2 /)
}

for (const flag of ['--help', '-h', 'help']) {
  test(`cors-native ${flag} prints the help on stdout and exits 0`, () => {
    const { status, stdout, stderr } = cli(flag)
    assert.equal(status, 0, stderr)
    mainHelp(stdout)
  })
}

test('cors-native with no command prints the help on stderr and exits 2', () => {
  const { status, stdout, stderr } = cli()
  assert.equal(status, 2)
  assert.equal(stdout, '')
  mainHelp(stderr)
})

for (const flag of ['--version', '-v']) {
  test(`cors-native ${flag} prints the package version`, () => {
    const { status, stdout } = cli(flag)
    assert.equal(status, 0)
    assert.equal(stdout.trim(), require('../../package.json').version)
  })
}

for (const args of [['check', '--help'], ['check', '-h'], ['check', 'help'], ['help', 'check'], ['check', 'https://x.test', '--origin', 'https://a.test', '--help']]) {
  test(`cors-native ${args.join(' ')} describes every option with its default, examples and exit codes`, () => {
    const { status, stdout, stderr } = cli(...args)
    assert.equal(status, 0, stderr)
    for (const option of ['--origin', '--method', '--header', '--data', '--credentials', '--json', '--timeout', '--no-probes', '--origins', '--methods']) {
      assert.match(stdout, new RegExp(`^  ${option}\\b.* {2,}\\S`, 'm'), `${option} has a description`)
    }
    assert.match(stdout, /--method <M> +.*default GET/)
    assert.match(stdout, /--timeout <ms> +.*default 10000/)
    assert.match(stdout, /--method PUT --header 'Content-Type: application\/json' --data '\S+' --credentials/)
    assert.match(stdout, /cors-native check \S+ --origin \S+ --json/)
    assert.match(stdout, /exit codes: 0 every engine allows, 1 an engine blocks, 2 usage or network error/)
  })
}

test('check --data -h keeps -h as the body, not a help request', () => {
  const { status, stdout, stderr } = cli('check', 'http://[bad', '--origin', 'https://a.test', '--data', '-h')
  assert.equal(status, 2)
  assert.doesNotMatch(stdout, /options:/)
  assert.doesNotMatch(stderr, /unknown option/)
})

for (const args of [['playground', '--help'], ['playground', '-h'], ['help', 'playground'], ['playground', '--port', '0', '--help']]) {
  test(`cors-native ${args.join(' ')} prints its help and starts no server`, () => {
    const { status, stdout, stderr } = cli(...args)
    assert.equal(status, 0, stderr)
    assert.match(stdout, /^usage: cors-native playground \[--port N\]/)
    assert.match(stdout, /--port N +the page's port \(default: a free one\)/)
    assert.match(stdout, /exit codes:/)
    assert.doesNotMatch(stdout + stderr, /http:\/\/127\.0\.0\.1/)
  })
}

for (const args of [['build', '--help'], ['build', '-h'], ['help', 'build']]) {
  test(`cors-native ${args.join(' ')} prints its help and builds nothing`, { skip: process.platform === 'win32' && 'the fake cargo is a shell script' }, () => {
    const { status, stdout, stderr } = cli(...args)
    assert.equal(status, 0, stderr)
    assert.match(stdout, /^usage: cors-native build/)
    assert.match(stdout, /Needs Rust/)
    assert.match(stdout, /exit codes:/)
    assert.equal(fs.existsSync(mark), false, 'cargo ran')
    assert.equal(fs.existsSync(path.join(fakeBin, 'target')), false, 'a build folder was made')
  })
}

for (const [args, line] of [
  [['chek'], 'cors-native: unknown command chek; did you mean check?'],
  [['playgrond'], 'cors-native: unknown command playgrond; did you mean playground?'],
  [['--hepl'], 'cors-native: unknown option --hepl; did you mean --help?'],
  [['check', 'https://x.test', '--orgin', 'https://a.test'], 'cors-native check: unknown option --orgin; did you mean --origin?'],
  [['check', 'https://x.test', '--credential'], 'cors-native check: unknown option --credential; did you mean --credentials?'],
  [['playground', '--prot', '8080'], 'cors-native playground: unknown option --prot; did you mean --port?'],
  [['build', '--hlep'], 'cors-native build: unknown option --hlep; did you mean --help?'],
]) {
  test(`cors-native ${args.join(' ')} names the closest one in one line and exits 2`, () => {
    const { status, stdout, stderr } = cli(...args)
    assert.equal(status, 2)
    assert.equal(stdout, '')
    assert.equal(stderr, `${line}\n`)
    assert.equal(fs.existsSync(mark), false, 'cargo ran')
  })
}

test('an unknown name with nothing close says so without a guess', () => {
  const { status, stderr } = cli('check', 'https://x.test', '--zzzzzz')
  assert.equal(status, 2)
  assert.match(stderr, /^cors-native check: unknown option --zzzzzz\nsee: cors-native check --help\n$/)
})
