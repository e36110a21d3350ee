import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The app sits inside the cors-native repository: root Turbopack here, so that `cors-native`
// resolves to the installed copy in node_modules (kept external) rather than to the repository.
// NEXT_TARGET_BUNDLED=1 leaves out serverExternalPackages, the line users forget (the loader's
// CORS_NATIVE_BUNDLED error is tested with it).
const nextConfig = {
  serverExternalPackages: process.env.NEXT_TARGET_BUNDLED === '1' ? [] : ['cors-native'],
  turbopack: { root: path.dirname(fileURLToPath(import.meta.url)) },
}
export default nextConfig
