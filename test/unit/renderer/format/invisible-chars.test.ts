import { describe, expect, it } from 'vitest';
import { hasInvisible, splitInvisible } from '../../../../renderer/format/invisible-chars';

describe('splitInvisible', () => {
  it('pulls out bidi overrides, zero-width characters, controls and tag characters, keeping the rest', () => {
    expect(splitInvisible('abc\u202Egnp.exe')).toEqual([
      { kind: 'text', text: 'abc' }, { kind: 'invisible', code: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' }, { kind: 'text', text: 'gnp.exe' },
    ]);
    expect(splitInvisible('pay\u200Bpal\u2066x\u2069').filter((p) => p.kind === 'invisible').map((p) => p.kind === 'invisible' && p.code))
      .toEqual(['U+200B', 'U+2066', 'U+2069']);
    expect(splitInvisible('\u001B[31mred')[0]).toEqual({ kind: 'invisible', code: 'U+001B', name: 'CONTROL CHARACTER' });
    expect(splitInvisible('hi\u{E0041}\u{E0042}')).toEqual([
      { kind: 'text', text: 'hi' }, { kind: 'invisible', code: 'U+E0041', name: 'TAG A' }, { kind: 'invisible', code: 'U+E0042', name: 'TAG B' },
    ]);
  });

  it('leaves ordinary text, line breaks, tabs, emoji and right-to-left letters alone', () => {
    for (const text of ['plain', 'line\nbreak\ttab\r\n', 'שלום עולם', 'emoji 👍🏽 family 👨‍👩‍👧']) {
      // The ZWJ inside the family emoji is a joiner that belongs to the emoji; it is still shown, as editors do.
      const pieces = splitInvisible(text);
      expect(pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('').length).toBeLessThanOrEqual(text.length);
    }
    expect(splitInvisible('line\nbreak\ttab')).toEqual([{ kind: 'text', text: 'line\nbreak\ttab' }]);
    expect(splitInvisible('שלום עולם')).toEqual([{ kind: 'text', text: 'שלום עולם' }]);
    expect(hasInvisible('plain')).toBe(false);
    expect(hasInvisible('a\u200Fb')).toBe(true);
  });
});
