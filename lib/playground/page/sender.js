'use strict'
// Runs in the other origin's frame: fetches the API origin for the playground page and posts
// back what it could see. It answers only the page that framed it, and fetches only the API.
const params = new URLSearchParams(location.search)
const parentOrigin = params.get('parent')
const apiOrigin = params.get('api')

addEventListener('message', async (event) => {
  if (event.origin !== parentOrigin || typeof event.data?.url !== 'string') return
  if (!event.data.url.startsWith(`${apiOrigin}/`)) return
  const outcome = await fetchOutcome(event.data.url, event.data.init)
  event.source.postMessage({ id: event.data.id, outcome }, parentOrigin)
})
parent.postMessage({ ready: true }, parentOrigin)
