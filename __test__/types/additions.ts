// What cors-native types add over @types/cors, because cors@2.8.6 accepts it at runtime.
import cors from 'cors-native'

cors({ headers: ['X-Alias'], maxAge: '600', origin: [['https://a.example'], [/b/]] })
cors({ origin: (origin, callback) => callback(null, [/\.example$/, 'https://c.example']) })
