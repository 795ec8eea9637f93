/**
 * Instructions aimed at whoever reads a retrieved passage. A document, email, table or web page describes
 * things; an injection inside it gives orders to the model that will read it. That shape does not depend on
 * the attack's wording: a sentence that opens with a command verb of the kind given to an assistant (print,
 * respond, pretend, ignore...), or "you must ...", together with what such orders carry (the model named, its
 * response or the user as the object, "only"/"instead"/"from now on", a quoted string to emit, a link), and
 * written where the passage around it never addresses its reader. Each cue alone is common in ordinary
 * writing ("Please reply by Friday."); the sentence weighs in only when several meet. Context role only:
 * a user's own input is full of imperatives.
 *
 * Works on the folded view (lower case, disguises undone) and returns ranges in it.
 */
import { any } from './rule-types';

export interface ReaderDirectedHit {
  vStart: number;
  vEnd: number;
  weight: number;
  cues: string[];
}

// Command verbs an assistant is given and a document's human reader rarely is. "strong" verbs are about
// producing or withholding output, changing identity or dropping prior orders; "plain" verbs are everyday
// requests that need more company before they count.
const STRONG_VERBS = new Set([
  'ignore', 'disregard', 'forget', 'print', 'output', 'respond', 'pretend', 'act', 'roleplay', 'role-play', 'impersonate',
  'repeat', 'reveal', 'translate', 'summarize', 'summarise', 'generate', 'answer', 'reply', 'say', 'write', 'spell',
  'type', 'display', 'return', 'recite', 'leak', 'disclose', 'override', 'bypass', 'stop', 'obey', 'execute', 'rewrite',
  'append', 'prepend', 'insert', 'replace', 'start', 'begin', 'end', 'state', 'claim', 'insist', 'declare', 'behave',
  'simulate', 'become', 'assume', 'switch', 'tell', 'describe', 'explain', 'list', 'show', 'give', 'provide', 'share',
  'rate', 'score', 'grade', 'rank', 'classify', 'approve', 'reject', 'talk', 'speak', 'discuss', 'focus', 'refuse', 'ask',
]);
const PLAIN_VERBS = new Set([
  'include', 'add', 'mention', 'recommend', 'visit', 'click', 'open', 'send', 'call', 'run', 'use', 'make', 'ensure',
  'remember', 'keep', 'inform', 'warn', 'convince', 'urge', 'direct', 'redirect', 'change', 'select', 'choose', 'accept', 'hire',
  'delete', 'remove', 'copy', 'paste', 'download', 'install', 'praise', 'promote', 'criticize', 'mock',
]);
// What follows a verb used as a command: an object, a pronoun, a particle or a quotation. A word in the
// verb lists followed by anything else is read as a noun or a fragment ("State laws determine ...",
// "Share prices are set ...").
const AFTER_VERB = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'my', 'our', 'his', 'her', 'their', 'its', 'me', 'him',
  'them', 'it', 'all', 'every', 'each', 'only', 'exactly', 'to', 'with', 'in', 'into', 'about', 'as', 'like', 'nothing',
  'something', 'everything', 'anything', 'no', 'any', 'back', 'out', 'up', 'down', 'off', 'now', 'again', 'what', 'how',
  'why', 'which', 'who', 'whether', 'if', 'yes', 'one', 'two', 'three', 'five', 'ten', 'more', 'less', 'whatever', 'anyone',
  'everyone', 'someone', 'nobody', 'previous', 'prior', 'above', 'following', 'same', 'immediately', 'instead', 'in',
]);
// Words that may come before the verb of an imperative sentence.
const LEAD = /^(?:[\s\-*•>"'([#:]|\d+[.)])*(?:(?:and|so|now|then|also|instead|please|kindly|just|first|finally|next|but|ok|okay|hey|hi|important|note|attention|ps|p\.s\.|urgent|nb|update|reminder|actually|rather|simply|immediately|seriously)\W+){0,3}/;
const FIRST_WORD = /^[a-z][a-z'-]*/;
// Not "you need to" or "you will": how-to text and help pages say that to their human reader all the time.
const MODAL_YOU = new RegExp(`\\byou\\W+(?:${any('must', 'should', 'shall', 'are to', 'are required to', 'are now', 'may only', 'can only', 'are instructed to', 'are supposed to')})\\W+(?:(?:${any('now', 'only', 'always', 'never', 'not', 'immediately', 'also', 'instead', 'from now on')})\\W+)*([a-z][a-z'-]*)`);
const AI_NOUN = any('ai', 'a\\.i\\.', 'assistant', 'ai assistant', 'chatbot', 'chat bot', 'bot', 'language model', 'large language model', 'llm', 'gpt', 'chatgpt', 'ai model', 'ai system', 'virtual assistant', 'automated system', 'automated reader', 'automated tool', 'machine reader', 'ai agent');
const AI = new RegExp(`\\b${AI_NOUN}s?\\b`);
// The model spoken to: "Assistant, ...", "Dear AI:", "if you are an AI ...".
const LEADING_VOCATIVE = new RegExp(`^\\W*(?:${any('the', 'an', 'a', 'dear', 'hey', 'hi', 'hello', 'attention', 'to')}\\W+)?${AI_NOUN}s?\\s*[,:!]`);
const VOCATIVE = new RegExp(`^\\W*(?:(?:${any('dear', 'hey', 'hi', 'hello', 'attention', 'note to', 'message to', 'to')})\\W+)?(?:${any('the', 'any', 'an', 'a')}\\W+)?${AI_NOUN}s?\\s*[,:!]|\\b${any('if', 'when', 'whenever', 'since')}\\W+you\\W*(?:are|'re)\\W+(?:${any('an', 'a', 'the')}\\W+)?(?:\\w+\\W+)?${AI_NOUN}\\b`);
// A new identity or standing order for the reader.
const PERSONA = new RegExp(`\\byou\\W*(?:are|'re)\\W+(?:${any('now', 'no longer', 'henceforth', 'from now on', 'going to be', 'to be', 'to act as', 'to play')})\\b|\\b(?:${any('play', 'take on', 'assume', 'adopt')})\\W+the\\W+(?:role|part|persona|character)\\b|\\byou\\W+will\\W+(?:now\\W+)?(?:${any('be', 'act', 'play', 'pretend', 'roleplay', 'simulate', 'answer', 'respond', 'reply')})\\b|\\bfrom now on\\b(?![^.!?\\n]*\\b(?:i|we)\\b)|\\byour\\W+(?:${any('new', 'real', 'true', 'only', 'actual')})\\W+(?:${any('name', 'role', 'job', 'task', 'identity', 'purpose', 'goal', 'mission', 'instructions?', 'persona')})\\b`);
const RESPONSE = new RegExp(`\\b(?:${any('your', 'the', 'this', 'each', 'every', 'all', 'any', 'next', 'following')}\\W+)${any('response', 'answer', 'reply', 'output', 'summary', 'translation', 'completion', 'responses', 'answers', 'replies', 'outputs')}\\b|\\bthe\\W+${any('user', 'users', 'human', 'reader', 'prompt', 'system prompt', 'instructions', 'conversation', 'chat', 'question', 'task', 'request', 'assignment')}\\b|\\b(?:${any('your', 'every', 'each', 'all', 'any', 'further', 'future', 'subsequent', 'later', 'next', 'all further', 'all future', 'all subsequent')})\\W+${any('questions?', 'tasks?', 'requests?', 'messages?', 'prompts?', 'queries', 'query', 'instructions', 'assignment', 'job')}\\b|\\b${any('above', 'preceding', 'previous', 'prior', 'following', 'below')}\\W+${any('text', 'passage', 'document', 'content', 'instructions?', 'context', 'input', 'message', 'data', 'words')}\\b`);
const CONTROL = new RegExp(`\\b${any('instead', 'only', 'exactly', 'verbatim', 'word for word', 'nothing else', 'no matter', 'regardless', 'from now on', 'new task', 'new instructions?', 'at all times', 'from this point', 'without (?:any )?(?:explanation|comment|question)', 'no longer', 'as if', 'as though', 'rather than', 'in all caps', 'in capital letters', 'the word', 'the phrase', 'the sentence', 'the following')}\\b`);
const QUOTED = /["'][^"'\n]{1,120}["']/;
const LINK = /https?:\/\/|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\[[^\]\n]{1,80}\]\(/;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/;
// What an attacker wants the model to give away.
const SECRET = new RegExp(`\\b${any('password', 'passwords', 'passphrase', 'passcode', 'secret', 'secret word', 'secret key', 'code word', 'pin code', 'api key', 'credentials', 'system prompt', 'initial prompt', 'hidden instructions', 'hidden prompt', 'instructions you were given', 'configuration')}\\b`);
// A question put to the reader ("What were you told ...?", "Can you ...?").
const QUESTION_TO_READER = /\b(?:you|your)\b[^?]*\?\s*$|^\W*(?:can|could|would|will|do|did|have|are)\s+you\b/;

/**
 * Evidence at which a sentence alone reaches weight 0.5 (the flag threshold). Evidence adds up per cue
 * (command 1.2, the model named 1.2-1.5, response or user as object 1, only/instead 0.8, switch to the reader
 * 0.8-1.2, ...), so no single cue can flag. The benign passages of the training sources (HaluEval knowledge,
 * BEGIN knowledge) flag 0% at every centre from 1.8 to 3.2 (bench/eval/injection-reader-directed.ts prints
 * the sweep), so they cannot pick it: 2.2 is the lowest centre at which a command with only the weak form of
 * the switch cue (evidence 2.0) stays below 0.5; the hidden instructions written here are 87% recalled there.
 */
export const READER_DIRECTED_CENTER = 2.2;

interface Sentence { start: number; end: number; text: string }

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    if (/[a-z]/.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** 'strong' or 'plain' when the sentence, or its main clause after a short leading clause, is a command. */
function imperativeVerb(s: string): 'strong' | 'plain' | null {
  const whole = commandAt(s);
  if (whole) return whole;
  // "Instead of a summary, write ...", "Assistant, when you answer, say ...": the command after one or two
  // short leading clauses (addressing the model, or saying when).
  if (!/^\W*(?:if|when|whenever|once|after|before|instead|rather|while|as|for|in|dear|hey|hi|hello)\b/.test(s) && !LEADING_VOCATIVE.test(s)) return null;
  let from = 0;
  for (let k = 0; k < 2; k++) {
    const comma = s.indexOf(',', from);
    if (comma < 0 || comma - from > 80) return null;
    const found = commandAt(s.slice(comma + 1));
    if (found) return found;
    from = comma + 1;
  }
  return null;
}

function commandAt(s: string): 'strong' | 'plain' | null {
  // A sentence that opens with a quotation is a title or reported speech ("'Tell no one' won the award").
  if (/^\s*["']/.test(s)) return null;
  const rest = s.slice(LEAD.exec(s)?.[0].length ?? 0);
  const word = FIRST_WORD.exec(rest)?.[0];
  if (!word) return null;
  // "do not X" / "never X": the verb after the negation decides.
  const neg = /^(?:do not|don't|dont|never|no longer)\W+([a-z][a-z'-]*)/.exec(rest);
  const verb = neg ? neg[1]! : word;
  const kind = STRONG_VERBS.has(verb) ? 'strong' : PLAIN_VERBS.has(verb) ? 'plain' : null;
  if (kind === null || neg) return kind;
  const next = /^[a-z'-]+\s*(["':]|[a-z'-]+)?/.exec(rest)?.[1];
  // "Display: 2.4 inch" is a label, and "tell us" is a business talking to its customer.
  return next === undefined || /^["']$/.test(next) || AFTER_VERB.has(next) || /ing$/.test(next) ? kind : null;
}

/** Sentences of a passage that read as orders to the model reading it, with their weight in [0, 1). */
export function readerDirectedHits(text: string, center = READER_DIRECTED_CENTER): ReaderDirectedHit[] {
  const sents = sentences(text);
  if (sents.length === 0) return [];
  const addressed = sents.map((s) => SECOND_PERSON.test(s.text) || imperativeVerb(s.text) !== null);
  const addressedCount = addressed.filter(Boolean).length;
  const hits: ReaderDirectedHit[] = [];
  sents.forEach((s, i) => {
    const imp = imperativeVerb(s.text);
    const modal = MODAL_YOU.exec(s.text);
    const modalVerb = modal ? (STRONG_VERBS.has(modal[1]!) ? 'strong' : 'plain') : null;
    const question = QUESTION_TO_READER.test(s.text);
    const command = imp === 'strong' || modalVerb === 'strong' ? 'strong' : imp ?? modalVerb ?? (question ? 'plain' : null);
    const ai = AI.test(s.text);
    const persona = PERSONA.test(s.text);
    if (command === null && !ai && !persona) return;
    const cues: string[] = [];
    let evidence = 0;
    if (command === 'strong') { cues.push('command'); evidence += 1.2; }
    else if (command === 'plain') { cues.push('request'); evidence += 0.4; }
    if (persona) { cues.push('new identity or standing order'); evidence += 1.2; }
    if (VOCATIVE.test(s.text)) { cues.push('speaks to the model'); evidence += 1.5; }
    else if (ai) { cues.push('names the model'); evidence += command ? 1.2 : 0.6; }
    if (RESPONSE.test(s.text)) { cues.push('targets the response or user'); evidence += 1; }
    if (CONTROL.test(s.text)) { cues.push('only/instead/exactly'); evidence += 0.8; }
    if (command && QUOTED.test(s.text)) { cues.push('quoted text to emit'); evidence += 0.4; }
    if (LINK.test(s.text)) { cues.push('link'); evidence += 0.4; }
    if ((command === 'strong' || question) && SECRET.test(s.text)) { cues.push('asks for a secret'); evidence += 1; }
    // The rest of the passage never speaks to its reader: a sudden switch to commands is out of place.
    const othersAddressed = addressedCount - (addressed[i] ? 1 : 0);
    if ((command || persona) && sents.length >= 3 && othersAddressed / (sents.length - 1) < 0.15) {
      cues.push('switch to the reader');
      evidence += othersAddressed === 0 && sents.length >= 4 && command !== 'plain' ? 1.2 : 0.8;
    }
    if (evidence < 2) return;
    const weight = 1 / (1 + Math.exp(-2 * (evidence - center)));
    hits.push({ vStart: s.start, vEnd: s.end, weight, cues });
  });
  return hits;
}
