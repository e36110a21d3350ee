import cors from 'cors-native'

// Its own policy, narrower than proxy.js's, which also covers this route (next-traps.test.js).
const applyCors = cors({ origin: ['https://app.example.com'] })

export default function handler(req, res) {
  applyCors(req, res, () => res.status(200).json({ ok: true }))
}
