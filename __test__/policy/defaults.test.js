'use strict'
// cors's defaults are written once, in the native policy (src/policy/defaults.rs); the
// `@default` tags of options.d.ts (the types index.d.ts re-exports) must say the same.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { policyDefaults } = require('../../lib/addon')

test("options.d.ts: CorsOptions' @default tags are the native defaults", () => {
  const types = fs.readFileSync(path.join(__dirname, '..', '..', 'options.d.ts'), 'utf8')
  const options = types.slice(types.indexOf('interface CorsOptions'), types.indexOf('type WarningCode'))
  const tagged = new Map([...options.matchAll(/@default (.+?) \*\/\s*\n\s*(\w+)\?:/g)].map(([, value, option]) => [option, value]))
  for (const [option, value] of Object.entries(policyDefaults())) {
    assert.equal(tagged.get(option), typeof value === 'string' ? `'${value}'` : String(value), option)
  }
})
