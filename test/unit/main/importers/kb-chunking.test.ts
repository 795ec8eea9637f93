import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../../main/importers/kb/chunker';
import { htmlStructure } from '../../../../main/importers/kb/html-text';
import { markdownStructure, plainStructure } from '../../../../main/importers/kb/sections';

const para = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} sentence number ${i} is here.`).join(' ');

describe('knowledge-base structure and chunking', () => {
  it('splits Markdown at headings (not at # lines in code) and takes the title from front matter', () => {
    const md = '---\ntitle: Guide\n---\n# Intro\n\ntext\n\n```\n# not a heading\n```\n\n## Setup\n\nsteps\n';
    const s = markdownStructure(md);
    expect(s.title).toBe('Guide');
    expect(s.sections.map((x) => x.headings)).toEqual([['Intro'], ['Intro', 'Setup']]);
    expect(md.slice(s.sections[1]!.start, s.sections[1]!.end)).toBe('## Setup\n\nsteps\n');
  });

  it('chunks are exact slices of the text, within size, never across headings', () => {
    const md = `# A\n\n${para(30, 'alpha')}\n\n${para(5, 'beta')}\n\n# B\n\n${para(3, 'gamma')}\n`;
    const s = markdownStructure(md);
    const chunks = chunkDocument(md, s.sections, 300, 60);
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(300);
      const text = md.slice(c.start, c.end);
      expect(text).toBe(text.trim());
      expect(text.includes('gamma') && text.includes('alpha')).toBe(false);
    }
    expect(chunks.at(-1)!.headings).toEqual(['B']);
    const covered = new Set<number>();
    for (const c of chunks) for (let i = c.start; i < c.end; i++) covered.add(i);
    for (let i = 0; i < md.length; i++) if (!/\s/.test(md[i]!)) expect(covered.has(i), `offset ${i} not in any chunk`).toBe(true);
  });

  it('overlaps consecutive chunks by whole sentences up to the overlap', () => {
    const text = para(40, 'w');
    const chunks = chunkDocument(text, plainStructure(text).sections, 200, 80);
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1]!;
      const cur = chunks[i]!;
      expect(cur.start).toBeLessThan(prev.end);
      expect(prev.end - cur.start).toBeLessThanOrEqual(80);
      expect(cur.start).toBeGreaterThan(prev.start);
    }
  });

  it('packs short paragraphs together and gives no overlap when a whole paragraph does not fit in it', () => {
    const text = 'One.\n\nTwo.\n\nThree.';
    expect(chunkDocument(text, plainStructure(text).sections, 100, 10).map((c) => text.slice(c.start, c.end))).toEqual(['One.\n\nTwo.\n\nThree.']);
  });

  it('extracts visible HTML text with blocks and heading sections', () => {
    const s = htmlStructure('<html><head><title>T &amp; C</title><style>x{}</style></head><body><h1>Main</h1><p>a\n  b</p><ul><li>one</li><li>two &lt;3</li></ul><script>no()</script><h2>Sub</h2><p>c</p></body></html>');
    expect(s.title).toBe('T & C');
    expect(s.text).toBe('Main\n\na b\n\none\ntwo <3\n\nSub\n\nc');
    expect(s.sections.map((x) => [s.text.slice(x.start, x.end), x.headings])).toEqual([['Main\n\na b\n\none\ntwo <3\n\n', ['Main']], ['Sub\n\nc', ['Main', 'Sub']]]);
  });
});
