import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const appRoot = dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // cors-native loads a native addon (.node), which cannot be bundled: Node requires it at run time.
  serverExternalPackages: ['cors-native'],
  // This app lives inside the cors-native repository; keep Next from taking the repository as root.
  outputFileTracingRoot: appRoot,
  turbopack: { root: appRoot },
}

export default nextConfig
