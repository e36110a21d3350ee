'use strict'
// The one place that loads the native addon.
module.exports = require('../cors-native.node')
