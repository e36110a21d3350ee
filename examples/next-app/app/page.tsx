export default function Home() {
  return <p>cors-native example: see /api/todos, /api/boom and /api/public/status.</p>
}
