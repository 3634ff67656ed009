// Frames built once for many sockets: byte for byte what `ws` would write, delivered intact and in order.

import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, sendWire, wireMessage } from '../../server/collab/wire-frames';
import { ALONE_BYTES } from '../../shared/protocol/mux';

const SIZES = [0, 1, 125, 126, 65_535, 65_536, 300_000];

function payloadOf(size: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('binaryFrame', () => {
  it('frames a payload as ws frames a server message', async () => {
    const { Sender } = (await import('ws')) as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };
    for (const size of SIZES) {
      const payload = payloadOf(size, size);
      const expected = Buffer.concat(Sender.frame(Buffer.from(payload), { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }));
      expect(binaryFrame(payload).equals(expected), `size ${size}`).toBe(true);
    }
  });
});

describe('wireMessage', () => {
  it('frames a large payload once for every socket it goes to', () => {
    const large = payloadOf(ALONE_BYTES, 7);
    expect(wireMessage(large).frame).toBe(wireMessage(large).frame);
    expect(wireMessage(large).frame.subarray(4).equals(Buffer.from(large))).toBe(true);
  });
});

describe('sendWire', () => {
  let server: WebSocketServer | null = null;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = null;
  });

  it('delivers prebuilt frames intact and in order with messages sent through ws itself', async () => {
    const listening = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    server = listening;
    await new Promise((resolve) => listening.once('listening', resolve));
    const sent: Uint8Array[] = SIZES.flatMap((size, i) => [payloadOf(size, i), payloadOf(3, 100 + i)]);
    let throughWs = 0;
    listening.on('connection', (socket) => {
      const send = socket.send.bind(socket);
      socket.send = ((data: Uint8Array) => {
        throughWs++;
        send(data);
      }) as typeof socket.send;
      sent.forEach((payload, i) => (i % 2 === 0 ? sendWire(socket, wireMessage(payload)) : socket.send(payload)));
      socket.close(1000, 'done');
    });
    const port = (listening.address() as AddressInfo).port;
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: Uint8Array[] = [];
    client.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
    const code = await new Promise<number>((resolve) => client.on('close', resolve));
    expect(code).toBe(1000);
    // The prebuilt frames went to the socket itself, not through ws.send.
    expect(throughWs).toBe(sent.length / 2);
    expect(received.map((bytes) => Buffer.from(bytes).toString('hex'))).toEqual(sent.map((bytes) => Buffer.from(bytes).toString('hex')));
  });
});
