// Mistakes the types catch; each line must fail to compile.
import cors = require('cors-native')

// @ts-expect-error credentials is a boolean
cors({ credentials: 'true' })
// @ts-expect-error methods is a string or an array of strings
cors({ methods: 42 })
// @ts-expect-error origin arrays hold strings, RegExps and booleans
cors({ origin: [{}] })
// @ts-expect-error warnings names known codes only
cors({ warnings: { CORS_NATIVE_NUL_ORIGIN: false } })
