'use strict'
// Runs in the other origin's frame: fetches the API origin for the playground page and posts
// back what it could see. The server wrote both origins into this page, so whoever opens it,
// with whatever address, it answers only the playground page and fetches only the API origin.
const { pageOrigin, apiOrigin } = document.documentElement.dataset

addEventListener('message', async (event) => {
  if (event.origin !== pageOrigin || typeof event.data?.url !== 'string') return
  if (!event.data.url.startsWith(`${apiOrigin}/`)) return
  const outcome = await fetchOutcome(event.data.url, event.data.init)
  event.source.postMessage({ id: event.data.id, outcome }, pageOrigin)
})
parent.postMessage({ ready: true }, pageOrigin)
