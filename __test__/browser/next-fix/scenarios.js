'use strict'
// next-target's one scenario when started with this directory: the policy env.options holds.
module.exports = { scenarios: [{ name: "check's fix applied", options: (env) => env.options }] }
