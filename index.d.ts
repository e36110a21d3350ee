/// <reference types="node" />
// Types for cors-native. They accept everything @types/cors 2.8.19 accepts, so existing
// `CorsOptions` code compiles unchanged, plus what the runtime of cors@2.8.6 also accepts.

import { IncomingHttpHeaders } from 'http'
import * as shared from './options'

declare namespace cors {
  // The option types live in options.d.ts, which needs no Node.js types (cors-native/fetch uses it).
  type StaticOrigin = shared.StaticOrigin
  type OriginList = shared.OriginList
  type OriginCallback = shared.OriginCallback
  type CustomOrigin = shared.CustomOrigin
  type CorsOptions = shared.CorsOptions
  type WarningCode = shared.WarningCode

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
    /**
     * The API's URL, quoted in the console lines; needed with `cookies` (a cookie is judged
     * against the API's site and the page's). @default 'https://api.example/'
     */
    url?: string | undefined
    /**
     * `Set-Cookie` values the app's response sets (`['sid=1; SameSite=None; Secure; HttpOnly']`),
     * judged per engine as `check` judges them; needs `origin` and `url`. At most 64.
     */
    cookies?: string[] | undefined
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
    /** Why, in words; when the policy refuses, the last one is the fix: the options as edited. */
    reasons: string[]
    /**
     * What Chromium, Firefox and WebKit do with this response; null without an origin. A
     * verdict's `fix` is the options as edited when the policy has one for it (its own
     * refusal, credentials, a method or header), else the model's, in HTTP terms.
     */
    engines: Record<import('./browser').Engine, EngineVerdict> | null
    /**
     * Each of `request.cookies`: whether each engine stores it from the response and sends it
     * back when the page repeats the fetch, why not and the fix; empty without `cookies`.
     */
    cookies: import('./check').CheckedCookie[]
    /**
     * What keeps these cookies from working whatever an engine does: `credentials-not-allowed`
     * (the policy sends no `Access-Control-Allow-Credentials: true` to another origin),
     * `cookies-need-credentials` (the fetch sends no credentials), `cross-site-cookies` (the API
     * is on another site than the page: no attribute works in every engine; what does).
     */
    cookieProblems: import('./check').Finding[]
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
