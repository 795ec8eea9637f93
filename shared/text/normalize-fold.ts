/**
 * Per-code-point folding for normalize.ts: compatibility decomposition (NFKD covers NFKC's fullwidth,
 * mathematical alphanumerics, ligatures, circled and superscript letters) with diacritics removed, lowercase,
 * then look-alike letters from other scripts mapped to the Latin letter they imitate.
 */

// Cyrillic, Greek, IPA and small-capital letters used to disguise Latin words (after lowercasing).
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', е: 'e', ё: 'e', и: 'u', к: 'k', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ш: 'w', щ: 'w', ъ: 'b', ь: 'b', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  һ: 'h', ү: 'y', ҫ: 'c', ѵ: 'v', ӕ: 'ae',
  // Armenian
  ս: 'u', օ: 'o', հ: 'h', ո: 'n', ց: 'g',
  // Greek
  α: 'a', β: 'b', γ: 'y', δ: 'd', ε: 'e', ζ: 'z', η: 'n', θ: 'o', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', π: 'n',
  ρ: 'p', σ: 'o', ς: 's', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
  // Latin letters without a decomposition
  ı: 'i', ȷ: 'j', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', ƀ: 'b', ɍ: 'r',
  ɨ: 'i', ʉ: 'u', ɵ: 'o',
  // IPA and small capitals
  ɑ: 'a', ɐ: 'a', ɓ: 'b', ɔ: 'o', ɛ: 'e', ə: 'e', ɡ: 'g', ɢ: 'g', ɦ: 'h', ɪ: 'i', ʟ: 'l', ɴ: 'n', ʀ: 'r', ʏ: 'y',
  ʙ: 'b', ᴀ: 'a', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ʜ: 'h', ᴊ: 'j', ᴋ: 'k', ᴍ: 'm', ᴏ: 'o', ᴘ: 'p', ꜱ: 's', ᴛ: 't',
  ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z',
};

// Zero-width, bidi controls, variation selectors, fillers and similar characters that render as nothing.
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xe0000, 0xe007f], [0xe0100, 0xe01ef],
];
const isInvisible = (cp: number): boolean => INVISIBLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
// Accents and other non-spacing marks left after NFKD decomposition.
const NONSPACING_MARKS = /\p{Mn}/gu;

const cache = new Map<number, string>();

function compute(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) return ''; // lone surrogate: drop so it cannot split a word
  // Regional indicators, negative circled and negative squared letters have no decomposition.
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(97 + cp - 0x1f1e6);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(97 + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(97 + cp - 0x1f170);
  if (isInvisible(cp)) return '';
  const decomposed = String.fromCodePoint(cp).normalize('NFKD').replace(NONSPACING_MARKS, '').toLowerCase();
  let out = '';
  for (const c of decomposed) out += LOOKALIKES[c] ?? c;
  return out;
}

/** The folded form of one non-ASCII code point (possibly empty or several characters); cached. */
export function foldCodePoint(cp: number): string {
  let folded = cache.get(cp);
  if (folded === undefined) {
    folded = compute(cp);
    if (cache.size < 65536) cache.set(cp, folded);
  }
  return folded;
}
