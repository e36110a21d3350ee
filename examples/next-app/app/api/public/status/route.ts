// No CORS code here: proxy.ts answers preflights and adds the headers for /api/public/*.
export function GET() {
  return Response.json({ ok: true })
}
