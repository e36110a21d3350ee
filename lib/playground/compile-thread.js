'use strict'
// The worker thread that compiles and lints the page's options text (see thread.js).
const { parentPort } = require('worker_threads')
const { compileText } = require('./compile')

parentPort.on('message', ({ id, text }) => parentPort.postMessage({ id, answer: compileText(text) }))
