// cors-native/check's types: options in the three header forms, the documented result.
import { check, type CheckResult, type AddressSpace, type PermissionState } from 'cors-native/check'

async function main(): Promise<void> {
  const result: CheckResult = await check('http://127.0.0.1:8000/items', {
    origin: 'http://localhost:3000',
    method: 'PUT',
    headers: [['Content-Type', 'application/json']],
    credentials: true,
  })
  const line: string | null = result.engines.chromium.console
  const step: 'preflight' | 'redirect' | 'response' | null = result.engines.webkit.step
  console.log(line, step, result.exchanges.preflight?.response.status, result.problems.map((p) => p.code))
  const version: 2 = result.version
  const edits = result.patch?.map((edit) => `${edit.step} ${edit.hop ?? ''} ${edit.set.map(([name, value]) => `${name}: ${value}`).join('; ')} ${edit.status ?? ''}`)
  const everyEngine: boolean | undefined = result.patchVerdicts?.webkit
  console.log(version, edits, everyEngine, result.requestFix?.url)
  const sure: boolean = result.server?.confidence === 'high'
  const fixText: string | undefined = result.fix?.text
  console.log(sure && result.server?.name === 'nginx' && result.fix?.stack === 'nginx', fixText)
  await check('http://127.0.0.1:8000/items', { origin: 'http://localhost:3000', headers: { 'X-Api-Key': 'k' } })
  await check('http://127.0.0.1:8000/items', { origin: 'http://localhost:3000', headers: ['X-Api-Key: k'], credentials: 'omit' })
  const cookies = await check('https://api.example.com:8443/login', {
    origin: 'https://app.example.com:8443',
    credentials: 'include',
    cookies: ['sid=abc; Secure; SameSite=None'],
    resolve: ['api.example.com:8443:127.0.0.1'],
    insecure: true,
  })
  for (const cookie of cookies.cookies) {
    const from: string | null = cookie.setBy
    const sent: boolean = cookie.engines.chromiumThirdPartyAllowed.sent
    const reason: string | null = cookie.engines.webkit.reason
    console.log(from, sent, reason, cookie.attributes?.sameSite)
  }
  // @ts-expect-error cookies are Set-Cookie strings
  await check('http://127.0.0.1:8000/items', { origin: 'http://localhost:3000', cookies: { sid: 'abc' } })
  // @ts-expect-error the origin is required
  await check('http://127.0.0.1:8000/items', { method: 'GET' })
  // @ts-expect-error credentials modes are fetch()'s
  await check('http://127.0.0.1:8000/items', { origin: 'http://localhost:3000', credentials: 'always' })
}
void main

// Local Network Access options and the verdict's prompt.
async function localNetwork(): Promise<boolean> {
  const result = await check('http://127.0.0.1:8000/items', {
    origin: 'https://app.example.com',
    pageAddressSpace: 'public',
    serverAddressSpace: 'loopback',
    targetAddressSpace: 'loopback',
    permissions: { 'loopback-network': 'granted', 'local-network': 'prompt' },
  })
  const space: AddressSpace = result.addressSpaces.server
  const state: PermissionState = result.permissions['loopback-network']
  return result.engines.chromium.prompt && space === 'loopback' && state === 'granted'
}
void localNetwork
