/// <reference types="node" />
// Types for cors-native. They accept everything @types/cors 2.8.19 accepts, so existing
// `CorsOptions` code compiles unchanged, plus what the runtime of cors@2.8.6 also accepts.

import { IncomingHttpHeaders } from 'http'

declare namespace cors {
  /** An origin rule: `true` reflects any origin, `false` disables CORS, a string is sent as is. */
  type StaticOrigin = boolean | string | RegExp | OriginList
  /** Strings and RegExps matched against the request's Origin; arrays may nest. */
  interface OriginList extends Array<boolean | string | RegExp | OriginList> {}
  type OriginCallback = (err: Error | null, origin?: StaticOrigin) => void
  /**
   * Answers by calling `callback`, or (an async function) by returning a Promise of the answer:
   * a rejection is `callback(err)`. Whichever answers first wins. A Promise resolving with
   * nothing from a function that takes `callback` waits for the callback, as with cors.
   * A union, so that any function @types/cors accepts (whatever it returns) is still accepted.
   */
  type CustomOrigin =
    | ((requestOrigin: string | undefined, callback: OriginCallback) => void)
    | ((requestOrigin: string | undefined, callback: OriginCallback) => Promise<StaticOrigin | undefined | void>)

  interface CorsRequest {
    method?: string | undefined
    headers: IncomingHttpHeaders
  }

  interface CorsResponse {
    statusCode?: number | undefined
    /** Used when present, to merge Vary with what earlier middleware set. */
    getHeader?(name: string): number | string | string[] | undefined
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
    /**
     * Mistakes (every warning code but those turned off in `warnings`) throw instead of
     * warning; only OPTIONS with Origin and
     * Access-Control-Request-Method is a preflight; method and headers are checked on the
     * server and refused with a 403 saying why. @default false
     */
    strict?: boolean | undefined
    /** Answer `Access-Control-Request-Private-Network: true` preflights. @default false */
    allowPrivateNetwork?: boolean | undefined
    /** `{ CORS_NATIVE_NULL_ORIGIN: false }` turns a warning code off (also in strict mode). */
    warnings?: { [code in WarningCode]?: boolean } | undefined
  }

  /** The codes of cors-native's warnings (`process.emitWarning`, type `CorsNativeWarning`). */
  type WarningCode =
    | 'CORS_NATIVE_OPTIONS_TYPE'
    | 'CORS_NATIVE_ORIGIN_TYPE'
    | 'CORS_NATIVE_HEADER_LIST_TYPE'
    | 'CORS_NATIVE_CREDENTIALS_TYPE'
    | 'CORS_NATIVE_MAX_AGE'
    | 'CORS_NATIVE_PREFLIGHT_STATUS'
    | 'CORS_NATIVE_BACKTRACKING_REGEX'
    | 'CORS_NATIVE_CREDENTIALS_ANY_ORIGIN'
    | 'CORS_NATIVE_LOOSE_REGEX'
    | 'CORS_NATIVE_NULL_ORIGIN'
    | 'CORS_NATIVE_MALFORMED_ORIGIN'
    | 'CORS_NATIVE_MAX_AGE_ABOVE_CAP'
    | 'CORS_NATIVE_UNKNOWN_WARNING'

  /** A request described in words, for `CorsPolicy.explain`. */
  interface ExplainRequest {
    origin?: string | undefined
    /** The method the page wants to use. @default 'GET' */
    method?: string | undefined
    /** The headers the page sets, comma-separated names; the browser model decides which need a preflight. */
    requestHeaders?: string | undefined
    privateNetwork?: boolean | undefined
    /** Whether the page sends credentials (`credentials: 'include'`). @default false */
    credentials?: boolean | undefined
    /** The API's URL, quoted in the console lines. @default 'https://api.example/' */
    url?: string | undefined
  }

  /** What one browser engine does with the response, from cors-native's browser model. */
  type EngineVerdict = import('./browser').EngineVerdict

  interface Explanation {
    /** Whether the browser would let the page read the response. */
    allowed: boolean
    /** Whether the browser sends a preflight first; `status` and `headers` are then the preflight's. */
    preflight: boolean
    status: number
    headers: Record<string, string>
    reasons: string[]
    /** What Chromium, Firefox and WebKit do with this response; null without an origin. */
    engines: Record<import('./browser').Engine, EngineVerdict> | null
  }

  interface PolicyLint {
    code: string
    message: string
    /** Origin entries to write instead, when the fix is of that form. */
    suggestion: string[]
  }

  /** A compiled policy. Compile the options in each worker thread: it cannot be posted to one. */
  interface CorsPolicy {
    readonly lints: PolicyLint[]
    explain(request: ExplainRequest): Explanation
  }

  /** Environment variables read by `fromEnv`. */
  interface CorsEnv {
    CORS_ALLOWED_ORIGINS?: string | undefined
    CORS_ALLOW_CREDENTIALS?: string | undefined
    CORS_ALLOWED_METHODS?: string | undefined
    CORS_ALLOWED_HEADERS?: string | undefined
    CORS_EXPOSED_HEADERS?: string | undefined
    CORS_MAX_AGE?: string | undefined
  }

  /** Compiles options into a policy that can explain itself; throws a TypeError if invalid. */
  function compile(options?: CorsOptions): CorsPolicy
  /** Options from CORS_ALLOWED_ORIGINS and friends; a bad value is a TypeError naming the variable. */
  function fromEnv(env?: CorsEnv | NodeJS.ProcessEnv): CorsOptions

  /** Answers by `callback`, or by returning a Promise of the options (as CustomOrigin does). */
  type CorsOptionsDelegate<T extends CorsRequest = CorsRequest> =
    | ((req: T, callback: (err: Error | null, options?: CorsOptions) => void) => void)
    | ((req: T, callback: (err: Error | null, options?: CorsOptions) => void) => Promise<CorsOptions | undefined | void>)

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
