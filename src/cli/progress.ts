import type { Io } from './io.js';

export interface Progress {
  update(text: string): void;
  done(): void;
}

/** A one-line progress indicator on stderr: only on a terminal, never in CI or with --quiet. */
export function createProgress(io: Io, quiet: boolean): Progress {
  const enabled = !quiet && Boolean(io.stderr.isTTY) && !io.env.CI;
  let shown = false;
  let last = 0;
  return {
    update(text) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      io.stderr.write(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
