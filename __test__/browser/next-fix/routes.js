'use strict'
// The routes answer as in the conformance scenarios.
module.exports = require('../routes')
