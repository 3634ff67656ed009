// lib0's varUint, written in place into a buffer sized beforehand: for messages built once per edit or per socket,
// where growing an encoder and copying it out would be two allocations and two copies of the payload.

/** Bytes that `value` takes as a varUint. */
export function varUintLength(value: number): number {
  let length = 1;
  while (value > 0x7f) {
    value >>>= 7;
    length++;
  }
  return length;
}

/** Writes `value` as a varUint at `at`; returns the offset after it. */
export function writeVarUintAt(target: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    target[at++] = 0x80 | (value & 0x7f);
    value >>>= 7;
  }
  target[at++] = value;
  return at;
}
