// The example's store, shared by the todo routes (in memory: it starts again with the server).
export const todos = [{ id: 1, title: 'Try cors-native', done: false }]
