import { NextResponse } from 'next/server'
import { createCors } from 'cors-native/next'

// Only for the two-layers check (__test__/adapters/next-traps.test.js): proxy.ts in front of a
// Pages Router route that has its own, narrower policy.
const cors = createCors({ origin: ['https://app.example.com', 'https://wider.example.com'] })

export function proxy(request) {
  return cors.proxy(request, NextResponse.next())
}

export const config = { matcher: '/api/two-layers' }
