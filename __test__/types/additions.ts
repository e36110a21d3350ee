// What cors-native types add over @types/cors, because cors@2.8.6 accepts it at runtime.
import cors from 'cors-native'

cors({ headers: ['X-Alias'], maxAge: '600', origin: [['https://a.example'], [/b/]] })
cors({ origin: (origin, callback) => callback(null, [/\.example$/, 'https://c.example']) })

cors({ origin: ['https://*.example.com', 'http://localhost:*'], strict: true, allowPrivateNetwork: true })
cors({ origin: ['null'], warnings: { CORS_NATIVE_NULL_ORIGIN: false } })
const code: cors.WarningCode = 'CORS_NATIVE_MAX_AGE'
void code
const explained: cors.Explanation = cors.compile({ origin: ['https://app.example.com'] }).explain({ origin: 'https://app.example.com', method: 'PUT' })
const reasons: string[] = explained.reasons
void reasons
const judged = cors.compile({ origin: ['https://app.example.com'], credentials: true }).explain({ origin: 'https://app.example.com', url: 'https://api.example.com/login', credentials: true, cookies: ['sid=1; SameSite=None; Secure'] })
const sent: boolean = judged.cookies[0].engines.chromiumThirdPartyAllowed.sent
const note: string = judged.cookieProblems[0].message
void [sent, note]
// @ts-expect-error cookies is a list of Set-Cookie values
cors.compile({}).explain({ origin: 'https://app.example.com', url: 'https://api.example.com/', cookies: 'sid=1' })
cors(cors.fromEnv())
cors(cors.fromEnv({ CORS_ALLOWED_ORIGINS: 'https://a.example' }))

// An async origin function or delegate answers with its Promise (cors@2.8.6 would hang on it).
declare function isAllowed(origin: string | undefined): Promise<boolean>
cors({ origin: async (origin) => isAllowed(origin) })
cors({ origin: async (origin) => ((await isAllowed(origin)) ? [/\.example\.com$/, 'https://app.example'] : false) })
cors({ origin: async (origin, callback) => callback(null, await isAllowed(origin)) })
cors(async (req) => ({ origin: req.headers.origin === 'https://app.example', credentials: true }))
cors(async (req, callback) => { callback(null, { origin: await isAllowed(req.headers.origin) }) })
const asyncOrigin: cors.CustomOrigin = async (origin) => origin === 'https://app.example'
cors({ origin: asyncOrigin })
