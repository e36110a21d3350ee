import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The app sits inside the cors-native repository: root Turbopack here, so that `cors-native`
// resolves to the installed copy in node_modules (kept external) rather than to the repository.
const nextConfig = {
  serverExternalPackages: ['cors-native'],
  turbopack: { root: path.dirname(fileURLToPath(import.meta.url)) },
}
export default nextConfig
