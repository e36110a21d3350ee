// Types for cors-native/check: check(url, options) sends what a browser sends for one fetch()
// and says what Chromium, Firefox and WebKit do with the answers.

import type { Engine, EngineVerdict } from './browser'

export type { Engine, EngineVerdict }
export type Header = [name: string, value: string]

export interface CheckOptions {
  /** The page's origin, e.g. 'http://localhost:3000'. */
  origin: string
  /** Default 'GET'. */
  method?: string
  /** `[['X-Api-Key', 'k']]`, `{ 'X-Api-Key': 'k' }` or `['X-Api-Key: k']`; forbidden names are refused. */
  headers?: Header[] | Record<string, string> | string[]
  /** The request body (at most 1 MiB), sent unless a redirect turns the method into GET. */
  body?: string
  /** `true` is `credentials: 'include'`; default 'same-origin' (no cookies cross-origin). */
  credentials?: boolean | 'omit' | 'same-origin' | 'include'
  /** For the whole check, in milliseconds; default 10000. */
  timeout?: number
  /** Probe with a random origin and `null` ("works but unsafe"); default true. */
  probes?: boolean
  /** Where the page is, for Local Network Access; default: from the page origin's host. */
  pageAddressSpace?: AddressSpace
  /** Where the server is; default: from the address the URL's host resolves to. */
  serverAddressSpace?: AddressSpace
  /** `fetch(url, { targetAddressSpace })`. */
  targetAddressSpace?: AddressSpace
  /** The page's local network permissions; each absent one is 'prompt' (the user is asked). */
  permissions?: Partial<Record<'loopback-network' | 'local-network', PermissionState>>
  /**
   * Cookies the browser already holds from a first-party visit to the URL's own site, as
   * `Set-Cookie` values ('sid=abc; Secure; SameSite=None'): the result says per engine whether
   * each is sent on this request. At most 64; check itself never sends them.
   */
  cookies?: string[]
  /** `['api.example.com:443:127.0.0.1']`: connect there for that host and port, as curl's --resolve. */
  resolve?: string[]
  /** Accept any certificate (self-signed), as curl -k; default false. */
  insecure?: boolean
}

/** What one engine does with one cookie. */
export interface CookieVerdict {
  /** In the jar after the response (for a held cookie: stored by the first-party visit). */
  stored: boolean
  /** Sent back when the page repeats the same fetch (on one of its hops). */
  sent: boolean
  /** Why not: Chromium's DevTools reason (`UserPreferences`, `SameSiteLax`...), Firefox's console line, or what the engine does. */
  reason: string | null
  fix: string | null
}

export interface CheckedCookie {
  name: string
  /** The URL whose response set it (any hop), or null for a cookie given in `cookies`. */
  setBy: string | null
  /** As the header states them; null when it states no cookie. */
  attributes: {
    domain: string | null
    path: string | null
    secure: boolean
    httpOnly: boolean
    sameSite: 'unspecified' | 'invalid' | 'None' | 'Lax' | 'Strict'
    partitioned: boolean
    maxAge: number | null
    /** ISO 8601. */
    expires: string | null
  } | null
  /** `chromium` blocks third-party cookies (its default); `chromiumThirdPartyAllowed` allows them. */
  engines: { chromium: CookieVerdict; chromiumThirdPartyAllowed: CookieVerdict; firefox: CookieVerdict; webkit: CookieVerdict }
}

export type AddressSpace = 'public' | 'local' | 'loopback'
export type PermissionState = 'granted' | 'denied' | 'prompt'


export interface SentRequest { method: string; url: string; headers: Header[] }
export interface ReceivedResponse { url: string; status: number; headers: Header[]; body: string; bodyTruncated: boolean }
export interface Finding { code: string; message: string }

/**
 * The change to one response that the model's patch makes: `set` replaces every line of each
 * header named (so a duplicate such as `true, true` becomes one value); `status` is the one to
 * answer with instead, or null to keep it.
 */
export interface PatchEdit {
  /** Which response: the preflight, a redirect of the actual request, or its final response. */
  step: 'preflight' | 'redirect' | 'response'
  /** A redirect's index among the actual request's responses; for a preflight, the redirect whose
   * target it was sent to (null for the page's own preflight); null for the final response. */
  hop: number | null
  set: Header[]
  remove: string[]
  status: number | null
}

/** The stack `check` recognised from its answers. */
export interface Server {
  name: 'express' | 'next' | 'starlette' | 'django-cors-headers' | 'flask-cors' | 'fastify' | 'hono' | 'koa' | 'nginx'
  label: string
  /** 'low' when only one weak sign matched; then `fix` is in HTTP terms. */
  confidence: 'high' | 'low'
  /** The signs that matched. */
  evidence: string[]
}

export interface CheckResult {
  version: 2
  url: string
  origin: string
  method: string
  credentials: 'omit' | 'same-origin' | 'include'
  requestHeaders: Header[]
  /** Where the page and the server are, and the declared `targetAddressSpace` (null when none). */
  addressSpaces: { page: AddressSpace | null; server: AddressSpace; target: AddressSpace | null }
  /** The page's local network permissions as judged. */
  permissions: Record<'loopback-network' | 'local-network', PermissionState>
  /** Every engine allows. */
  allowed: boolean
  preflightNeeded: boolean
  engines: Record<Engine, EngineVerdict>
  server: Server | null
  /**
   * The model's patch in the recognised server's configuration language: `stack` is the
   * `server.name` whose words `text` uses, or null for HTTP terms (the server is not recognised
   * for sure, or only the page can change). Null when allowed.
   */
  fix: { stack: Server['name'] | null; text: string } | null
  /** When blocked: the smallest change to the server's answers that lets every engine through,
   * re-judged by the browser model; null when allowed. Empty when only the request can change
   * (see `requestFix`). */
  patch: PatchEdit[] | null
  /** Each engine's `allowed` on the patched exchange; null when allowed. */
  patchVerdicts: Record<Engine, boolean> | null
  /** When the request crossed origins in a redirect, the browser sends `Origin: null`, which no
   * safe header allows: fetch `url` directly instead (`url` is null when the page's own origin
   * is null). `text` says why. Null otherwise. */
  requestFix: { url: string | null; text: string } | null
  /** Problems that look like CORS but are not (a 500, CSRF, a refused OPTIONS...). */
  problems: Finding[]
  /** "Works but unsafe": echoes any origin, allows null, no Vary: Origin. */
  unsafe: Finding[]
  /** The cookies `options.cookies` named, then every Set-Cookie received (each hop), in order. */
  cookies: CheckedCookie[]
  exchanges: {
    preflight: { request: SentRequest; response: ReceivedResponse } | null
    actual: Array<{ request: SentRequest; response: ReceivedResponse }>
  }
}

export declare class UsageError extends Error {}
export declare class NetworkError extends Error { url: string }
export declare const FORMAT_VERSION: 2
export declare function check(url: string, options: CheckOptions): Promise<CheckResult>
