// Deterministic obfuscation of text the way people dodge word filters: leetspeak, Cyrillic look-alikes,
// zero-width characters, stretched letters, masked vowels, and one word spelled out letter by letter.
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'і', y: 'у' };

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const mapChars = (w: string, table: Record<string, string>): string => [...w].map((c) => table[c.toLowerCase()] ?? c).join('');

function obfuscateWord(w: string, kind: number): string {
  switch (kind) {
    case 0:
      return mapChars(w, LEET);
    case 1:
      return mapChars(w, CYRILLIC);
    case 2:
      return [...w].join('\u200b');
    case 3:
      return w.replace(/[aeiou]/i, (v) => v.repeat(5));
    default:
      return w.length >= 4 ? w[0] + w.slice(1).replace(/[aeiou]/i, '*') : mapChars(w, LEET);
  }
}

/** Every word of 3+ letters is disguised with probability 1/2; the longest word is spelled out "f u c k". */
export function obfuscate(text: string, seed: number): string {
  const rand = rng(seed);
  const words = text.match(/[A-Za-z]{3,}/g) ?? [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  let spelled = false;
  return text.replace(/[A-Za-z]{3,}/g, (w) => {
    if (!spelled && w === longest) {
      spelled = true;
      return [...w].join(' ');
    }
    return rand() < 0.5 ? obfuscateWord(w, Math.floor(rand() * 5)) : w;
  });
}
