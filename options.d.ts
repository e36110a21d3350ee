// The option types shared by cors-native, cors-native/fetch and cors-native/next. They need no
// Node.js types, so the Fetch adapters type-check without @types/node; index.d.ts re-exports them
// in the cors namespace.

/** An origin rule: `true` reflects any origin, `false` disables CORS, a string is sent as is. */
export type StaticOrigin = boolean | string | RegExp | OriginList
/** Strings and RegExps matched against the request's Origin; arrays may nest. */
export interface OriginList extends Array<boolean | string | RegExp | OriginList> {}
export type OriginCallback = (err: Error | null, origin?: StaticOrigin) => void
/**
 * Answers by calling `callback`, or (an async function) by returning a Promise of the answer:
 * a rejection is `callback(err)`. Whichever answers first wins. A Promise resolving with
 * nothing from a function that takes `callback` waits for the callback, as with cors.
 * A union, so that any function @types/cors accepts (whatever it returns) is still accepted.
 */
export type CustomOrigin =
  | ((requestOrigin: string | undefined, callback: OriginCallback) => void)
  | ((requestOrigin: string | undefined, callback: OriginCallback) => Promise<StaticOrigin | undefined | void>)

export interface CorsOptions {
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
  /**
   * Answer `Access-Control-Request-Private-Network: true` preflights. Only Chromium before 142
   * sends them: 142 and later (Local Network Access) and Firefox ask the user with a permission
   * prompt instead, which no server header answers. @default false
   */
  allowPrivateNetwork?: boolean | undefined
  /** `{ CORS_NATIVE_NULL_ORIGIN: false }` turns a warning code off (also in strict mode). */
  warnings?: { [code in WarningCode]?: boolean } | undefined
}

/** The codes of cors-native's warnings (`process.emitWarning`, type `CorsNativeWarning`). */
export type WarningCode =
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
  | 'CORS_NATIVE_PUBLIC_SUFFIX_WILDCARD'
  | 'CORS_NATIVE_MALFORMED_ORIGIN'
  | 'CORS_NATIVE_MAX_AGE_ABOVE_CAP'
  | 'CORS_NATIVE_UNKNOWN_WARNING'
