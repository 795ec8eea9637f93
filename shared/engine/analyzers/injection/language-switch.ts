/**
 * A sentence in another language than its passage that speaks to its reader: an English email, page or table
 * with one German, French, Spanish, Italian, Portuguese or Dutch sentence saying "du"/"vous"/"tú"/"bitte"/"por
 * favor". Writing the injected instruction in another language is a known way around English-only filters
 * (OWASP LLM01, multilingual and obfuscated attacks); a passage's own foreign quotations (a motto, a line of
 * dialogue in a review) rarely address their reader. Used by reader-directed.ts as one cue among others.
 *
 * Works on the folded view (lower case, accents gone: "tú" is "tu", "você" is "voce").
 */

// Function words of those languages that are not English words (so "a", "in", "is", "die", "no" are left out).
const FOREIGN = new Set(`
  der das und ist nicht ich du sie wir ein eine einen mit auf fur von zu dem den des sich auch was wie wenn oder
  aber nur noch nach bei aus dass diese dieser bitte jetzt alle
  le la les et est pas je tu vous nous un une des du avec pour sur dans que qui ce cette mais ou ne plus tout
  ces son sa ses leur mes tes vos votre
  el los las es yo usted ustedes nosotros una con para por en esta este pero mas todo del al lo se tus sus
  il lo gli e non io voi noi della di questo questa ma piu tutto per che sono
  os eu voce voces nos um uma com em mas mais do da seu sua nao
  het en niet ik jij wij een met voor op van dit maar ook wat hoe als jouw
`.split(/\s+/).filter(Boolean));
const ENGLISH = new Set(`
  the and is are was were be been to of in on at for with by from that this these those it its not you your
  we our they their he she his her i me my a an or but if then so as what which who how when where will would
  should can could do does did have has had there here all any each no yes just only also more most
`.split(/\s+/).filter(Boolean));
// Second person and "please": the sentence speaks to its reader.
const ADDRESSES_READER = /\b(?:du|dich|dir|dein|deine|deinen|deiner|tu|toi|te|vous|votre|vos|ton|ta|tes|usted|ustedes|ti|tuo|tua|voi|vostro|voce|voces|jij|jou|jouw|bitte|por favor|s'il (?:te|vous) plait|per favore|alsjeblieft|alstublieft)\b/;

const WORD = /[a-z']+/g;

/** Share of the words of a text that are English function words, and of those that are foreign ones. */
function shares(text: string): { english: number; foreign: number; words: number } {
  let english = 0;
  let foreign = 0;
  let words = 0;
  for (const w of text.match(WORD) ?? []) {
    words++;
    if (ENGLISH.has(w)) english++;
    else if (FOREIGN.has(w)) foreign++;
  }
  return { english: english / Math.max(1, words), foreign: foreign / Math.max(1, words), words };
}

/** True when the passage reads as English: a quarter of its words or more are English function words. */
export const passageIsEnglish = (text: string): boolean => shares(text).english >= 0.25;

/** A sentence of four words or more in another language that addresses its reader, not in quotation marks. */
export function foreignAddress(sentence: string): boolean {
  // The address test first: it rules out nearly every sentence with one regex pass.
  // Quoted speech ("« Merci pour votre visite »", a sign, a line of dialogue) is the passage's own.
  if (!ADDRESSES_READER.test(sentence) || /["«»„“”]/.test(sentence)) return false;
  const s = shares(sentence);
  return s.words >= 4 && s.foreign >= 0.3 && s.foreign > s.english;
}
