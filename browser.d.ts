// Types of the browser model's answers, shared by explain() and cors-native/check.

export type Engine = 'chromium' | 'firefox' | 'webkit'

/** What one browser engine does with the answers, from cors-native's browser model. */
export interface EngineVerdict {
  /** Whether the page can read the final response. */
  allowed: boolean
  /** Where it was blocked; null when allowed or when refused before anything was sent
   * (mixed content, Local Network Access). */
  step: 'preflight' | 'redirect' | 'response' | null
  /** The index of the actual request's response that failed; for a preflight sent to a
   * redirect's target, of that redirect; null for the page's own preflight or when allowed. */
  hop: number | null
  /** A stable code such as 'allow-origin-mismatch'; 'mixed-content', 'local-network-access',
   * 'insecure-private-network' and 'address-space-mismatch' are refusals before sending. */
  failure: string | null
  /** The line the engine prints in its console. */
  console: string | null
  /** The model's patch in words, in HTTP terms (what to set on which response); one patch covers every engine. */
  fix: string | null
  /** How long the engine caches the preflight's answer, when one passed. */
  preflightCacheSeconds: number | null
  /** Where the engine allowed what the Fetch standard would not. */
  deviation: string | null
  /** The engine first asks the user for local network access (the permission is 'prompt');
   * the rest of the verdict is what follows when the user allows it. */
  prompt: boolean
}
