// Public face of live updates: socket.io on the HTTP server (the only importer of socket.io).
export { attachRealtime, RECOVERY_WINDOW_MS, type Realtime, type RealtimeDeps } from './io.js';
export { MAX_ROOMS_PER_SOCKET, threadRoom } from './thread-rooms.js';
