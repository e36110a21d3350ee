'use strict'
// A small API guarded by cors-native: an allow-list of front-end origins, cookies allowed.
// Start it with `npm run example`; PORT chooses the port (0 picks a free one).
const express = require('express')
const cors = require('cors-native')

const allowedOrigins = ['http://localhost:5173', 'https://app.example.com', /^https:\/\/[a-z0-9-]+\.preview\.example\.com$/]

const app = express()
app.use(cors({
  origin: allowedOrigins,
  credentials: true,
  exposedHeaders: ['X-Total-Count'],
  maxAge: 600,
}))
app.use(express.json())

const todos = [{ id: 1, title: 'Try cors-native', done: false }]

app.get('/api/todos', (req, res) => {
  res.set('X-Total-Count', String(todos.length)).json(todos)
})

app.post('/api/todos', (req, res) => {
  const todo = { id: todos.length + 1, title: String(req.body?.title ?? ''), done: false }
  todos.push(todo)
  res.status(201).json(todo)
})

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`cors-native example API listening on http://127.0.0.1:${server.address().port}`)
})
