// Everything a socket's answers to one read amount to leaves in one write: a burst of frames costs one system call, not one each.

import type { Duplex } from 'node:stream';

/**
 * Corks the socket when a chunk arrives and uncorks it once the chunk's frames are handled. `ws` writes each frame
 * it sends with a system call of its own; a client sending many frames at once (a reconnect's sync of every doc, or
 * a hostile burst of refused writes) would otherwise cost the server one call per answer. Call after `ws` attached
 * its own listener: this one runs first.
 */
export function batchRepliesPerRead(socket: Duplex): void {
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.prependListener('data', () => {
    if (corked) return;
    corked = true;
    socket.cork();
    process.nextTick(uncork);
  });
}
