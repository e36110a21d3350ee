import { NextResponse, type NextRequest } from 'next/server'
import { cors } from './lib/cors'

// One place for a whole subtree: preflights are answered here, and every other request
// continues to its route with the CORS headers added.
export function proxy(request: NextRequest) {
  return cors.proxy(request, NextResponse.next())
}

export const config = {
  matcher: '/api/public/:path*',
}
