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
}

export interface SentRequest { method: string; url: string; headers: Header[] }
export interface ReceivedResponse { url: string; status: number; headers: Header[]; body: string; bodyTruncated: boolean }
export interface Finding { code: string; message: string }

export interface CheckResult {
  version: 1
  url: string
  origin: string
  method: string
  credentials: 'omit' | 'same-origin' | 'include'
  requestHeaders: Header[]
  /** Every engine allows. */
  allowed: boolean
  preflightNeeded: boolean
  engines: Record<Engine, EngineVerdict>
  /** The recognised stack; `confidence: 'low'` when only one weak sign matched (then `fix` is in HTTP terms). */
  server: {
    name: 'express' | 'next' | 'starlette' | 'django-cors-headers' | 'flask-cors' | 'fastify' | 'hono' | 'koa' | 'nginx'
    label: string
    confidence: 'high' | 'low'
    evidence: string[]
  } | null
  /** The fix in the recognised server's configuration language (in HTTP terms when the server is not recognised for sure). */
  fix: string | null
  /** Problems that look like CORS but are not (a 500, CSRF, a refused OPTIONS...). */
  problems: Finding[]
  /** "Works but unsafe": echoes any origin, allows null, no Vary: Origin. */
  unsafe: Finding[]
  exchanges: {
    preflight: { request: SentRequest; response: ReceivedResponse } | null
    actual: Array<{ request: SentRequest; response: ReceivedResponse }>
  }
}

export declare class UsageError extends Error {}
export declare class NetworkError extends Error { url: string }
export declare const FORMAT_VERSION: 1
export declare function check(url: string, options: CheckOptions): Promise<CheckResult>
