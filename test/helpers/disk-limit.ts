// Real storage failures for a running server: the kernel refuses its writes (RLIMIT_FSIZE), or a small disk fills up.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * From now on every write the server process makes past the first byte of any file fails with EFBIG, so SQLite's
 * writes fail for real (SQLITE_IOERR_WRITE) while reads go on. Only the soft limit changes: no privilege is needed
 * and `allowWrites` lifts it again. Node ignores SIGXFSZ, so the signal that comes with it does not kill the server.
 */
export function refuseWrites(pid: number): void {
  execFileSync('prlimit', ['--pid', String(pid), '--fsize=1:']);
}

export function allowWrites(pid: number): void {
  execFileSync('prlimit', ['--pid', String(pid), '--fsize=unlimited:']);
}

export interface SmallDisk {
  /** The mounted filesystem's root: give it to the server as its data dir. */
  readonly dir: string;
  /** Fills every free byte with a file of its own (ENOSPC from then on, for everyone). */
  fill(): void;
  /** Deletes that file again. */
  free(): void;
  /** Unmounts and removes the mount point; once, however often it is called. */
  unmount(): void;
}

/** A tmpfs of `megabytes`, or null where this process may not mount (mounting needs CAP_SYS_ADMIN). */
export function mountSmallDisk(megabytes: number): SmallDisk | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmdirSync(dir);
    return null;
  }
  const filler = path.join(dir, 'filler');
  let mounted = true;
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
      // Part of a chunk may still fit: go on in 512-byte pieces until not even one does.
      const tail = fs.openSync(filler, 'a');
      try {
        for (;;) fs.writeSync(tail, Buffer.alloc(512, 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(tail);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
    unmount: () => {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', [dir]);
      fs.rmdirSync(dir);
    },
  };
}
