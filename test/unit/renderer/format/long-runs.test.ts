import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { LONG_RUN_CHARS, splitLongRuns } from '../../../../renderer/format/long-runs';
import { VisibleText } from '../../../../renderer/components/visible-text';

describe('splitLongRuns', () => {
  it('cuts out runs without white space of LONG_RUN_CHARS or more, and joins back to the same text', () => {
    const blob = 'x'.repeat(LONG_RUN_CHARS);
    const text = `see ${blob} and\n${'y'.repeat(LONG_RUN_CHARS + 5)}`;
    const pieces = splitLongRuns(text);
    expect(pieces).toEqual([
      { text: 'see ', long: false }, { text: blob, long: true }, { text: ' and\n', long: false }, { text: 'y'.repeat(LONG_RUN_CHARS + 5), long: true },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('leaves prose, words one short of the limit and empty text as one ordinary run', () => {
    for (const text of ['', 'Hold the reset button for ten seconds.', 'z'.repeat(LONG_RUN_CHARS - 1)]) {
      expect(splitLongRuns(text)).toEqual([{ text, long: false }]);
    }
  });
});

describe('VisibleText', () => {
  it('lays long runs out in their own unkerned span and leaves prose as plain text', () => {
    const word = 'A'.repeat(100_000);
    const html = renderToStaticMarkup(createElement(VisibleText, { text: `question ${word}` }));
    expect(html).toBe(`question <span class="long-run">${word}</span>`);
    expect(renderToStaticMarkup(createElement(VisibleText, { text: 'plain <b>text</b>' }))).toBe('plain &lt;b&gt;text&lt;/b&gt;');
  });

  it('keeps long runs between invisible characters escaped and marked', () => {
    const html = renderToStaticMarkup(createElement(VisibleText, { text: `<${'b'.repeat(LONG_RUN_CHARS)}>\u202E` }));
    expect(html).toContain(`<span class="long-run">&lt;${'b'.repeat(LONG_RUN_CHARS)}&gt;</span>`);
    expect(html).toContain('data-code="U+202E"');
  });
});
