'use strict'
// What a page can see of a fetch: the response when CORS allows it, else only a TypeError.
// Loaded by the playground page and by the sender page of the other origin.
async function fetchOutcome(url, init) {
  try {
    const response = await fetch(url, init)
    const body = (await response.text()).slice(0, 300)
    return { allowed: true, status: response.status, headers: [...response.headers], body }
  } catch (error) {
    return { allowed: false, error: String(error) }
  }
}
