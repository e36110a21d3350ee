/// <reference types="node" />
// Types for cors-native. They accept everything @types/cors 2.8.19 accepts, so existing
// `CorsOptions` code compiles unchanged, plus what the runtime of cors@2.8.6 also accepts.

import { IncomingHttpHeaders } from 'http'

declare namespace cors {
  /** An origin rule: `true` reflects any origin, `false` disables CORS, a string is sent as is. */
  type StaticOrigin = boolean | string | RegExp | OriginList
  /** Strings and RegExps matched against the request's Origin; arrays may nest. */
  interface OriginList extends Array<boolean | string | RegExp | OriginList> {}
  type CustomOrigin = (
    requestOrigin: string | undefined,
    callback: (err: Error | null, origin?: StaticOrigin) => void,
  ) => void

  interface CorsRequest {
    method?: string | undefined
    headers: IncomingHttpHeaders
  }

  interface CorsResponse {
    statusCode?: number | undefined
    getHeader(name: string): number | string | string[] | undefined
    setHeader(key: string, value: string): any
    end(): any
  }

  interface CorsOptions {
    /** @default '*' */
    origin?: StaticOrigin | CustomOrigin | undefined
    /** @default 'GET,HEAD,PUT,PATCH,POST,DELETE' */
    methods?: string | string[] | undefined
    /** When unset, the preflight's Access-Control-Request-Headers is reflected. */
    allowedHeaders?: string | string[] | undefined
    /** An alias of `allowedHeaders`, read when `allowedHeaders` is unset. */
    headers?: string | string[] | undefined
    exposedHeaders?: string | string[] | undefined
    credentials?: boolean | undefined
    /** Whole seconds, as a number or a digit string. */
    maxAge?: number | string | undefined
    /** @default false */
    preflightContinue?: boolean | undefined
    /** A 2xx status. @default 204 */
    optionsSuccessStatus?: number | undefined
  }

  type CorsOptionsDelegate<T extends CorsRequest = CorsRequest> = (
    req: T,
    callback: (err: Error | null, options?: CorsOptions) => void,
  ) => void

  type CorsMiddleware<T extends CorsRequest = CorsRequest> = (
    req: T,
    res: CorsResponse,
    next: (err?: any) => any,
  ) => void
}

/**
 * Creates Express middleware answering CORS as cors@2.8.6 does. Invalid options throw a
 * TypeError naming the option, the value and the fix.
 */
declare function cors<T extends cors.CorsRequest = cors.CorsRequest>(
  options?: cors.CorsOptions | cors.CorsOptionsDelegate<T>,
): cors.CorsMiddleware<T>

export = cors
