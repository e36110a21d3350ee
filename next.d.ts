// Types for cors-native/next: cors-native/fetch for Next.js App Router route handlers and proxy.ts.
// Pages Router API routes get Node.js (req, res): use the middleware from 'cors-native' there.
import type { CorsOptions, CorsRequestDelegate, FetchCors } from './fetch'

export type { CorsOptions, CorsRequestDelegate, FetchCors }

export interface NextCors extends FetchCors {
  /** A route handler for `export const OPTIONS` that answers preflights (the same as `preflight`). */
  OPTIONS(request: Request): Promise<Response>
  /**
   * For proxy.ts: answers preflights, and adds the CORS headers to `next` (pass
   * `NextResponse.next()`) for every other request.
   */
  proxy<Next extends Response>(request: Request, next: Next): Promise<Next | Response>
}

/**
 * Compiles the options (the same as the Express middleware's) once; throws a TypeError if
 * invalid. In `wrap` and `routes`, `redirect()`, `permanentRedirect()` and `notFound()` from
 * `next/navigation` answer with Next's status and `Location` plus the CORS headers.
 */
export function createCors(options?: CorsOptions | CorsRequestDelegate): NextCors
