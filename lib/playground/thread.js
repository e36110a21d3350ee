'use strict'
// A worker thread answering messages, each answer due within a time limit. The playground runs
// the user's options (their RegExps) only in worker threads: a backtracking RegExp cannot be
// interrupted on the event loop that runs it, so on the page server's loop one crafted origin
// or one costly lint would freeze all three servers. A thread that overruns its limit is
// terminated (which does stop a RegExp) and started again; `restarted` prepares the new one.
const { Worker } = require('worker_threads')

class Thread {
  constructor(file, { limit, overrun, restarted = () => {} }) {
    Object.assign(this, { file, limit, overrun, restarted, nextId: 0 })
    this.pending = new Map()
    this.ready = this.start()
  }

  start() {
    this.worker = new Worker(this.file)
    this.worker.on('message', ({ id, answer, error, code }) => {
      const call = this.pending.get(id)
      if (!call) return
      this.pending.delete(id)
      clearTimeout(call.timer)
      if (error === undefined) call.resolve(answer)
      else call.reject(Object.assign(new Error(error), { code }))
    })
    this.worker.on('error', (error) => this.rejectAll(error))
    return Promise.resolve(this.restarted(this))
  }

  /** Posts `message` to the thread as it is now; the answer or a rejection within the limit. */
  send(message) {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.restart(), this.limit)
      this.pending.set(id, { resolve, reject, timer })
      this.worker.postMessage({ id, ...message })
    })
  }

  async ask(message) {
    await this.ready
    return this.send(message)
  }

  restart() {
    this.rejectAll(Object.assign(new Error(this.overrun), { status: 503 }))
    this.ready = this.worker.terminate().then(() => this.start())
  }

  rejectAll(error) {
    for (const call of this.pending.values()) {
      clearTimeout(call.timer)
      call.reject(error)
    }
    this.pending.clear()
  }

  close() {
    this.rejectAll(new Error('the playground is closing'))
    return this.worker.terminate()
  }
}

module.exports = { Thread }
