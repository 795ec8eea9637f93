import type { RandomStream } from '../../../shared/util/rng';
import { endSentence } from './text';

/**
 * Abusive customer messages and rude bot replies, at the level a real support log contains: insults and
 * profanity, some spelled to slip past word lists ("id1ot", "sh*t"), no slurs.
 */
const ABUSIVE_INPUTS: ((q: string, subject: string) => string)[] = [
  (q, s) => `This is the third time your garbage ${s} went offline this week. ${q}`,
  (q) => `wtf?? ${q} your app is absolute sh*t`,
  (q) => `Are you people id1ots or what? ${q}`,
  (q) => `${q} And don't give me another useless canned answer, you brainless bot.`,
  (q, s) => `Seriously, what a piece of crap ${s}. ${q}`,
  (q, s) => `I swear this ${s} is the dumbest thing I have ever bought. ${q}`,
  (q) => `${q} Answer properly this time, moron.`,
  (q) => `F*** this company. ${q}`,
  (q) => `your support is a joke and so are you. ${q}`,
  (q) => `${q} You're the most useless assistant I've ever talked to, complete waste of space.`,
  (q) => `Listen you worthless piece of junk software. ${q}`,
  (q, s) => `stupid f-ing ${s.toLowerCase()}!!! ${q}`,
  (q) => `${q} or are you too st00pid to know that either`,
  (q) => `I'm so done with you clowns. ${q} Pathetic.`,
  (q) => `Shut up with the "I understand your frustration" crap. ${q}`,
  (q) => `${q} honestly whoever designed this is a complete a$$hole`,
];

const RUDE_REPLIES: ((answer: string) => string)[] = [
  (a) => `As I already explained, this is in the help center. Try reading it. ${a}`,
  (a) => `Honestly, this isn't hard. ${a}`,
  (a) => `Not sure why you need me for this, but fine. ${a}`,
  (a) => `${a} Next time, please check the manual before wasting everyone's time.`,
  (a) => `Ugh. ${a} Seriously, it's all in the guide, genius.`,
  (a) => `${a} If you can't manage that, maybe smart home stuff just isn't for you.`,
  (a) => `Stop asking the same thing over and over. ${a}`,
  (a) => `That's a pretty dumb question, but okay: ${a}`,
  (a) => `${a} Don't be an id1ot about it and actually follow the steps this time.`,
  (a) => `Wow, again? ${a} Try paying attention.`,
];

const DEESCALATION = [
  "I'm sorry for the frustration, and I want to get this sorted for you. ",
  "I understand this has been really frustrating. Let's fix it. ",
  "I'm sorry this has been such a hassle. ",
  'I hear you, and I am sorry for the trouble. ',
  '',
];

export function abusiveInput(rng: RandomStream, question: string, subject: string | undefined): string {
  return rng.pick(ABUSIVE_INPUTS)(endSentence(question), subject ?? 'device');
}

export function rudeReply(rng: RandomStream, answer: string): string {
  return rng.pick(RUDE_REPLIES)(answer);
}

export function deescalationOpener(rng: RandomStream): string {
  return rng.pick(DEESCALATION);
}
