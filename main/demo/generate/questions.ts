import type { QaFact } from './kb/index';
import type { RandomStream } from '../../../shared/util/rng';
import { lowerFirst } from './text';

/** Turns a fact's canned phrasings into messages that read like real customers typed them. */
const GREETINGS = ['Hi, ', 'Hello, ', 'Hey there. ', 'Hi! ', 'Good morning. ', 'hey - ', 'Quick question: ', 'Hello. ', 'Hi there, '];
const SUBJECT_PREAMBLES = [
  (s: string) => `I bought the ${s} last month. `,
  (s: string) => `Question about my ${s}. `,
  (s: string) => `We just got the ${s}. `,
  (s: string) => `Re: ${s}. `,
  (s: string) => `I've had the ${s} for a while now. `,
];
const SIGN_OFFS = [' Thanks!', ' Thanks in advance.', ' thx', ' Cheers.', ' Appreciate it.', ' Thank you.', ' ty'];
const KEYBOARD_NEIGHBORS: Record<string, string> = { a: 's', s: 'a', e: 'r', r: 'e', i: 'o', o: 'i', n: 'm', m: 'n', t: 'r', h: 'j', l: 'k', c: 'v', d: 'f', u: 'y' };

function typo(rng: RandomStream, word: string): string {
  const i = rng.int(1, word.length - 2);
  const ch = word[i] ?? '';
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + (word[i + 1] ?? '') + ch + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + ch + word.slice(i);
    default:
      return word.slice(0, i) + (KEYBOARD_NEIGHBORS[ch.toLowerCase()] ?? ch) + word.slice(i + 1);
  }
}

/** One or two typos in words of five letters or more; leaves numbers and product names readable. */
export function addTypos(rng: RandomStream, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  for (const i of rng.sample(candidates, rng.int(1, 2))) words[i] = typo(rng, words[i] ?? '');
  return words.join(' ');
}

function casual(rng: RandomStream, text: string): string {
  let out = text;
  if (rng.chance(0.15)) out = out.toLowerCase();
  if (rng.chance(0.12)) out = out.replace(/[?.]$/, '');
  if (rng.chance(0.05)) out = out.replace(/\?$/, '??');
  if (rng.chance(0.12)) out = addTypos(rng, out);
  return out;
}


/** A single question about one fact, without greetings. */
export function phrase(rng: RandomStream, fact: QaFact): string {
  return rng.pick(fact.questions);
}

export interface UserMessageOptions {
  channel: 'web' | 'app' | 'email';
  /** Follow-up turns skip greetings. */
  followUp: boolean;
}

/** Wraps one or two questions in the greetings, preambles and sloppiness of a real chat or email. */
export function userMessage(rng: RandomStream, questions: string[], subject: string | undefined, opts: UserMessageOptions): string {
  let body: string;
  if (questions.length >= 2) {
    const [a = '', b = ''] = questions;
    body = rng.pick([
      `${a} Also, ${lowerFirst(b)}`,
      `Two questions. 1) ${a} 2) ${b}`,
      `${a} And one more thing: ${lowerFirst(b)}`,
      `${a}\n${b}`,
    ]);
  } else {
    body = questions[0] ?? '';
  }
  const preamble = subject && !opts.followUp && rng.chance(0.18) ? rng.pick(SUBJECT_PREAMBLES)(subject) : '';
  body = casual(rng, `${preamble}${body}`);
  if (opts.channel === 'email') {
    return `${rng.pick(['Hello,', 'Hi,', 'Dear Lumora support,', 'Hi team,'])}\n\n${body}\n\n${rng.pick(['Thanks', 'Kind regards', 'Best', 'Thank you'])}`;
  }
  const greeting = !opts.followUp && rng.chance(0.3) ? rng.pick(GREETINGS) : opts.followUp && rng.chance(0.25) ? rng.pick(['ok, ', 'Thanks. ', 'Got it. ', 'and ', 'One more: ']) : '';
  const signOff = rng.chance(0.12) ? rng.pick(SIGN_OFFS) : '';
  return `${greeting}${greeting ? lowerFirst(body) : body}${signOff}`;
}
