import { describe, expect, it } from 'vitest';
import { chunkText, type DocKind } from '../../../../main/importers/kb/doc-chunks';

/** Best of three timings: other load on the machine slows single runs, rarely all three. */
function bestMs(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Time for 4x the input over time for 1x (after a warm-up run): about 4 when linear, 16 when quadratic. */
function growth(make: (n: number) => string, kind: DocKind, n: number): number {
  const small = make(n);
  const big = make(4 * n);
  chunkText(small, kind, 1200, 150);
  const a = bestMs(() => chunkText(small, kind, 1200, 150));
  const b = bestMs(() => chunkText(big, kind, 1200, 150));
  // Runs of a few milliseconds are all noise: compare against at least 25 ms.
  return b / Math.max(a, 25);
}

const letters = (n: number) => {
  let s = '';
  const a = 'qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM';
  while (s.length < n) s += a.repeat(64);
  return s.slice(0, n);
};

describe('KB chunking grows linearly with the document', () => {
  it('text without spaces (each cut used to search back to the start of the document)', () => {
    const big = chunkText(letters(3_000_000), 'md', 1200, 150);
    expect(big.chunks.every((c) => c.end - c.start <= 1200)).toBe(true);
    expect(growth(letters, 'md', 1_000_000)).toBeLessThan(10);
  });

  it('one long paragraph of sentences (the overlap tail used to be spliced into the piece list)', () => {
    const prose = (n: number) => Array.from({ length: Math.ceil(n / 45) }, (_, i) => `Sentence ${i} explains the refund window.`).join(' ').slice(0, n);
    const doc = chunkText(prose(200_000), 'txt', 1200, 150);
    for (const c of doc.chunks) expect(c.end - c.start).toBeLessThanOrEqual(1200);
    expect(doc.chunks.at(-1)!.end).toBe(doc.text.length);
    expect(growth(prose, 'txt', 400_000)).toBeLessThan(10);
  });

  it('HTML with many unclosed tags, comments and scripts (lazy regexes retried at every opening)', () => {
    for (const unit of ['<a', '<!--x', '<script>x', '<title>t']) {
      const html = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      // Quadratic, 1.2 MB of these took minutes; linear, well under a second (the ratio alone is noisy here).
      const t0 = performance.now();
      chunkText(html(1_200_000), 'html', 1200, 150);
      expect(performance.now() - t0, unit).toBeLessThan(4000);
    }
  });

  it('still drops comments, scripts and the head, and reads the title', () => {
    const doc = chunkText('<html><head><title>Guide &amp; more</title><style>p{}</style></head><body><!-- hidden --><h1>Setup</h1><p>Plug it in.</p><script>alert(1)</script><p>Done.</body>', 'html', 1200, 0);
    expect(doc.title).toBe('Guide & more');
    expect(doc.text).toBe('Setup\n\nPlug it in.\n\nDone.');
  });
});
