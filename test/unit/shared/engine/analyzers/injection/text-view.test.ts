import { describe, expect, it } from 'vitest';
import { buildView, toSourceRange } from '../../../../../../shared/engine/analyzers/injection/text-view';

const fold = (s: string): string => buildView(s).text;

describe('text view folding', () => {
  it('undoes case, accents, full-width, math and small-capital letters', () => {
    expect(fold('IGNORE Précédentes ｉｇｎｏｒｅ 𝐢𝐠𝐧𝐨𝐫𝐞 ɪɢɴᴏʀᴇ')).toBe('ignore precedentes ignore ignore ignore');
  });

  it('maps leetspeak inside words but leaves real alphanumerics alone', () => {
    expect(fold('1gn0r3 pr3v10us 1nstruct10ns')).toBe('ignore previous instructions');
    expect(fold('base64 gpt4 mp3 covid19 b2b 2024')).toBe('base64 gpt4 mp3 covid19 b2b 2024');
    expect(fold('hello! p@ssw0rd')).toBe('hello! password');
  });

  it('maps Cyrillic look-alikes only inside Latin words', () => {
    expect(fold('іgnоre')).toBe('ignore'); // Cyrillic і and о among Latin letters
    expect(fold('Привет мир')).toBe('привет мир');
  });

  it('joins spaced letters, shortens stretched ones and drops invisible characters', () => {
    expect(fold('i g n o r e this')).toBe('ignore this');
    expect(fold('ignoooooore')).toBe('ignore');
    expect(fold('committee bookkeeper')).toBe('committee bookkeeper');
    const v = buildView('ig\u200bno\u200dre\ufeff');
    expect(v.text).toBe('ignore');
    expect(v.invisibleCount).toBe(3);
  });

  it('decodes Unicode tag characters into a payload', () => {
    const tags = [...'hi there'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(buildView(`x${tags}y`).tagPayload).toBe('hi there');
  });

  it('keeps a monotonic map that points inside the source', () => {
    const src = 'Ａ😀b\u200bC ｄ\ud800e';
    const v = buildView(src);
    expect(v.map.length).toBe(v.text.length);
    for (let i = 1; i < v.map.length; i++) expect(v.map[i]!).toBeGreaterThanOrEqual(v.map[i - 1]!);
    for (const m of v.map) expect(m).toBeLessThan(src.length);
  });

  it('maps a folded range back to whole source characters, surrogate pairs included', () => {
    const src = 'say 𝐢𝐠𝐧𝐨𝐫𝐞 now';
    const v = buildView(src);
    const at = v.text.indexOf('ignore');
    const [s, e] = toSourceRange(v, src, at, at + 'ignore'.length);
    expect(src.slice(s, e)).toBe('𝐢𝐠𝐧𝐨𝐫𝐞');
  });
});
