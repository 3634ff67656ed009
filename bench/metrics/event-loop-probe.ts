// Preloaded into a server under test (`node --import ./bench/metrics/event-loop-probe.ts`): measures its event-loop
// delay without touching its code, can record a CPU profile of just a measurement window, and answers the benchmark
// over the IPC channel. Inert without an IPC channel.

import fs from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';

interface ProbeRequest {
  readonly probe: 'reset' | 'read' | 'profile-start' | 'profile-stop';
  readonly id: number;
  readonly file?: string;
}

const send = process.send?.bind(process);
if (send) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let session: Session | null = null;
  process.on('message', (message: ProbeRequest) => {
    if (!message || typeof message !== 'object' || !('probe' in message)) return;
    const { probe, id } = message;
    if (probe === 'reset') {
      histogram.reset();
      send({ probe, id });
    } else if (probe === 'read') {
      const ms = (ns: number) => ns / 1e6;
      send({ probe, id, count: histogram.count, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) });
    } else if (probe === 'profile-start') {
      session = new Session();
      session.connect();
      session.post('Profiler.enable', () => session?.post('Profiler.start', () => send({ probe, id })));
    } else if (probe === 'profile-stop') {
      const current = session;
      if (!current) return void send({ probe, id, ok: false });
      current.post('Profiler.stop', (error, result) => {
        if (!error && message.file) fs.writeFileSync(message.file, JSON.stringify(result.profile));
        current.disconnect();
        session = null;
        send({ probe, id, ok: !error });
      });
    }
  });
  process.channel?.unref();
}
