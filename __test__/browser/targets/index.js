'use strict'
// Every server the scenarios run against. A target is { key, name, flavour, start({ scenarios, env,
// report }) -> { port, close } }: it serves scenario i's policy at pathOf(i) (../routes.js)
// on 127.0.0.1:port. `flavour` picks the expectations: 'native' for cors-native, 'cors' for cors.
const { nativeExpress, corsExpress } = require('./express')
const next = require('./next')

module.exports = { TARGETS: [nativeExpress, corsExpress, next] }
