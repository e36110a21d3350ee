// Types for cors-native/next: CORS for Next.js App Router route handlers and proxy.ts.
import type { CorsOptions } from './index'

export type { CorsOptions }

/** Like cors's options delegate, but receiving the Web Request. */
export type CorsRequestDelegate = (
  request: Request,
  callback: (err: Error | null, options?: CorsOptions) => void,
) => void

export interface NextCors {
  /**
   * Wraps a route handler. Preflights are answered (unless `preflightContinue`); the handler's
   * response gets the CORS headers, and a handler that throws yields a 500 that carries them.
   */
  wrap<Context = unknown>(
    handler: (request: Request, context: Context) => Response | Promise<Response>,
  ): (request: Request, context: Context) => Promise<Response>
  /** A route handler for `export const OPTIONS` that answers preflights. */
  OPTIONS(request: Request): Promise<Response>
  /**
   * For proxy.ts: answers preflights, and adds the CORS headers to `next` (pass
   * `NextResponse.next()`) for every other request.
   */
  proxy<Next extends Response>(request: Request, next: Next): Promise<Next | Response>
}

/** Compiles the options (the same as the Express middleware's) once; throws a TypeError if invalid. */
export function createCors(options?: CorsOptions | CorsRequestDelegate): NextCors
