// The delivery probe in a process of its own, so the test's other work (attackers, big writes) cannot delay its clock.

import * as Y from 'yjs';
import { type ProbeOptions, startDeliveryProbe } from './probe-process';

type Command = { readonly phase: string } | { readonly stop: true };

const options = JSON.parse(process.argv[2] ?? '{}') as ProbeOptions;
const probe = await startDeliveryProbe(options);
const send = (message: unknown) => process.send?.(message);
// The test that started this process is gone (or failed): nothing should keep typing into its server.
process.on('disconnect', () => process.exit(0));
send({ ready: true, writerClient: probe.writerDoc.clientID });
process.on('message', async (command: Command) => {
  if ('phase' in command) {
    probe.phase = command.phase;
    return;
  }
  await probe.stop();
  const phases = new Set(probe.sampledPhases());
  const latencies = Object.fromEntries([...phases].map((phase) => [phase, probe.latencies(phase)]));
  send({ latencies, writerState: Y.encodeStateAsUpdate(probe.writerDoc) });
  process.disconnect();
});
