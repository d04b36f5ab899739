import { processIO, type CliIO } from './io.ts';

/**
 * Progress of long CLI work on stderr: a redrawn bar on a terminal; when stderr is a pipe or a
 * log, a plain line every few seconds (so logs stay readable and stdout stays clean).
 */
export function progressBar(io: CliIO, label: string): { update: (share: number, detail: string) => void; done: () => void } {
  const tty = io === processIO && process.stderr.isTTY === true;
  let lastLine = 0;
  let drawn = false;
  return {
    update(share, detail) {
      const clipped = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 1));
      if (tty) {
        const width = 30;
        const filled = Math.round(clipped * width);
        io.err(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(clipped * 100).toFixed(0).padStart(3)} % ${detail}\x1b[K`);
        drawn = true;
      } else if (Date.now() - lastLine >= 2_000) {
        lastLine = Date.now();
        io.err(`${label}: ${(clipped * 100).toFixed(0)} %, ${detail}\n`);
      }
    },
    done() {
      if (drawn) io.err('\n');
      drawn = false;
    },
  };
}
