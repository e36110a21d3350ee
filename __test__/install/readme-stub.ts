// What the snippets of the README and docs/ use without defining it: an app's own objects and
// functions, and the pieces of Next.js they import (Next.js is not installed here, so 'next'
// and 'next/server' resolve to this file). A snippet reads these as the reader's own code; a
// name it uses that is neither here nor defined in the snippet fails the test.
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface NextConfig {
  serverExternalPackages?: string[]
}
export interface NextApiRequest extends IncomingMessage {}
export type NextApiResponse = ServerResponse & {
  status(code: number): NextApiResponse
  json(body: unknown): void
}
export declare class NextRequest extends Request {}
export declare class NextResponse extends Response {
  static next(): NextResponse
}

interface Todo {
  id: string
  title: string
}

declare global {
  /** The Express app a snippet adds middleware to. */
  const app: import('express').Express
  /** `require('cors-native')`, in a snippet that adds it to `app`. */
  const cors: typeof import('cors-native')
  /** A request a Fetch handler received, and a response it made. */
  const request: Request
  const response: Response
  /** Route handlers of a Fetch-API app. */
  function list(request: Request): Promise<Response>
  function create(request: Request): Promise<Response>
  /** The app's data layer. */
  function listTodos(): Promise<Todo[]>
  function addTodo(input: unknown): Promise<Todo>
  /** The type next.config.ts declares its config with (create-next-app imports it from 'next'). */
  type NextConfig = import('next').NextConfig
}
