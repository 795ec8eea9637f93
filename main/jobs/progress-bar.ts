import type { ProgressEvent } from '../../shared/contract/events';

/** A one-line progress bar on a TTY stream (stderr, so --json output on stdout stays clean). */
export class ProgressBar {
  private shown = false;
  private last = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr, private readonly width = 24) {}

  get enabled(): boolean {
    return Boolean(this.out.isTTY);
  }

  update(e: ProgressEvent): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const fraction = e.total ? Math.min(1, e.done / e.total) : 0;
    const filled = Math.round(fraction * this.width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}`;
    const size = e.total ? `${mb(e.done)}/${mb(e.total)}` : mb(e.done);
    const rate = e.ratePerSec ? ` ${mb(e.ratePerSec)}/s` : '';
    const eta = e.etaSec !== null ? ` ETA ${formatEta(e.etaSec)}` : '';
    const line = `[${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${size}${rate} · ${e.message ?? ''}${eta}`;
    this.out.write(`\r${line.slice(0, (this.out.columns || 120) - 1)}\u001b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.out.write('\r\u001b[K');
    this.shown = false;
  }
}

function mb(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(2)} GB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

export function formatEta(sec: number): string {
  if (sec < 60) return `${Math.ceil(sec)}s`;
  const m = Math.floor(sec / 60);
  return m < 60 ? `${m}m${String(Math.round(sec % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
