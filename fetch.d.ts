// Types for cors-native/fetch: CORS for any Fetch-API server on Node (Hono, React Router/Remix,
// SvelteKit, Astro, plain Request -> Response handlers).
import type { CorsOptions } from './options'

export type { CorsOptions }

/**
 * Like cors's options delegate, but receiving the Web Request. It answers by `callback` or,
 * async, by returning a Promise of the options (a rejection is a logged 500).
 */
export type CorsRequestDelegate =
  | ((request: Request, callback: (err: Error | null, options?: CorsOptions) => void) => void)
  | ((request: Request, callback: (err: Error | null, options?: CorsOptions) => void) => Promise<CorsOptions | undefined | void>)

/** A Fetch handler: a Web Request (plus whatever the framework passes) to a Response. */
export type FetchHandler<Rest extends unknown[] = unknown[]> = (
  request: Request,
  ...rest: Rest
) => Response | Promise<Response>

/** The parameters a handler takes after the Request. */
type RestOf<Handler> = Handler extends (request: Request, ...rest: infer Rest) => unknown ? Rest : []

/** A method handler per HTTP method, as a route module exports them. */
export type MethodHandlers = { [method: string]: FetchHandler<any[]> }

/** What `middleware` uses of a Hono-style context (a Hono `Context` is one). */
export interface MiddlewareContext {
  req: { raw: Request }
  res: Response
}

export interface FetchCors {
  /**
   * Wraps a handler. Preflights are answered (unless `preflightContinue`); the handler's
   * response gets the CORS headers, and a handler that throws yields a logged 500 carrying them.
   * Called with a Node.js `(req, res)` pair it throws a TypeError: use `require('cors-native')`.
   */
  wrap<Rest extends unknown[]>(handler: FetchHandler<Rest>): (request: Request, ...rest: Rest) => Promise<Response>
  /** Answers a preflight (`export const OPTIONS = cors.preflight`). */
  preflight(request: Request): Promise<Response>
  /** Adds the CORS headers to `response` (a copy if its headers are immutable); a preflight gets its answer. */
  decorate(request: Request, response: Response): Promise<Response>
  /**
   * Hono-style middleware: `app.use('/api/*', cors.middleware)`. The rest of the chain is the
   * handler: preflights are answered, and `c.res` after `next()` gets the CORS headers.
   */
  middleware: (c: MiddlewareContext, next: () => Promise<unknown>) => Promise<Response>
  /**
   * Every handler wrapped, plus `OPTIONS`, so a route cannot forget the preflight:
   * `export const { GET, POST, OPTIONS } = cors.routes({ GET, POST })`.
   */
  routes<Handlers extends MethodHandlers>(
    handlers: Handlers,
  ): { [Method in keyof Handlers]: (request: Request, ...rest: RestOf<Handlers[Method]>) => Promise<Response> } & {
    OPTIONS: (request: Request, ...rest: unknown[]) => Promise<Response>
  }
}

/** Compiles the options (the same as the Express middleware's) once; throws a TypeError if invalid. */
export function createCors(options?: CorsOptions | CorsRequestDelegate): FetchCors
