// Types of the browser model's answers, shared by explain() and cors-native/check.

export type Engine = 'chromium' | 'firefox' | 'webkit'

/** What one browser engine does with the answers, from cors-native's browser model. */
export interface EngineVerdict {
  /** Whether the page can read the final response. */
  allowed: boolean
  /** Where it was blocked; null when allowed. */
  step: 'preflight' | 'redirect' | 'response' | null
  /** The index of the actual request's response that failed; for a preflight sent to a
   * redirect's target, of that redirect; null for the page's own preflight or when allowed. */
  hop: number | null
  /** A stable code such as 'allow-origin-mismatch'. */
  failure: string | null
  /** The line the engine prints in its console. */
  console: string | null
  /** The model's patch in words, in HTTP terms (what to set on which response); one patch covers every engine. */
  fix: string | null
  /** How long the engine caches the preflight's answer, when one passed. */
  preflightCacheSeconds: number | null
  /** Where the engine allowed what the Fetch standard would not. */
  deviation: string | null
}
