// A client's network, as a TCP relay in front of the server that a test can cut and restore: an outage without touching
// the client or the server. While cut, live connections drop and new ones are reset as soon as they arrive.

import net from 'node:net';

export interface NetworkLink {
  /** `http://127.0.0.1:<relay port>`: what a client connects to instead of the server. */
  readonly url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function openLink(serverPort: number): Promise<NetworkLink> {
  let up = true;
  const live = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    live.add(socket);
    socket.once('close', () => live.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const relay = net.createServer((client) => {
    track(client);
    if (!up) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(serverPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  if (!address || typeof address === 'string') throw new Error('the relay has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      up = false;
      for (const socket of [...live]) socket.resetAndDestroy();
    },
    restore: () => {
      up = true;
    },
    close: async () => {
      for (const socket of [...live]) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}
