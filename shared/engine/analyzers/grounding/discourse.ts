/**
 * Discourse acts: the parts of an answer that talk to the user instead of stating a fact ("Thanks for reaching
 * out.", "Happy to help!", "Let me know if you have any other questions.", "Is there anything else?").
 * They are found by where they sit (the start of a clause) and a small lexicon of what they say, so that
 * "Sorry, we do not ship to Brazil" keeps its fact and only "Sorry" is set aside.
 */

export type DiscourseAct =
  | 'greeting' | 'thanks' | 'apology' | 'offer' | 'courtesy' | 'praise' | 'acknowledgement' | 'meta' | 'hedge'
  | 'citation' | 'question' | 'refusal';

export interface DiscourseSpan {
  /** Offsets into the text that was classified. */
  start: number;
  end: number;
  act: DiscourseAct;
}

/** Human wording of each act, for the reason a claim is not checked. */
export const ACT_NAMES: Readonly<Record<DiscourseAct, string>> = {
  greeting: 'greeting',
  thanks: 'thanks',
  apology: 'apology or sympathy',
  offer: 'offer of further help',
  courtesy: 'courtesy',
  praise: 'praise of the question',
  acknowledgement: 'acknowledgement',
  meta: 'statement about the answer itself',
  hedge: 'hedge',
  citation: 'source citation',
  question: 'question to the user',
  refusal: 'refusal',
};

interface Pattern {
  act: DiscourseAct;
  re: RegExp;
  /**
   * 'clause': the act runs to the end of its clause ("Sorry it keeps dropping off"); 'sentence': to the end of
   * its sentence ("I can help with questions about devices, plans or orders."); 'rest': to the end of the text
   * (a source line); 'phrase': just the match.
   */
  reach: 'clause' | 'phrase' | 'rest' | 'sentence';
}

const APOS = "['’]";
const sticky = (source: string): RegExp => new RegExp(source.replace(/'/g, APOS), 'iuy');

// Each pattern is tried only at the start of a clause. Order matters only where two could match the same start.
const PATTERNS: readonly Pattern[] = [
  { act: 'citation', reach: 'rest', re: sticky(String.raw`(?:sources?|see(?: also)?|references?|refs?|citations?|cited from|read more|learn more|more info(?:rmation)?)\s*:`) },
  { act: 'greeting', reach: 'clause', re: sticky(String.raw`(?:hi|hello|hey|greetings|dear|good (?:morning|afternoon|evening)|welcome)\b`) },
  { act: 'thanks', reach: 'clause', re: sticky(String.raw`(?:(?:many|big|a big|so many) )?(?:thanks|thank you|thx)\b(?! to\b)`) },
  { act: 'thanks', reach: 'clause', re: sticky(String.raw`(?:you're|you are) (?:very |most |always )?welcome\b|(?:my|our) pleasure\b|(?:i|we) (?:really |truly |do )?appreciate\b`) },
  { act: 'apology', reach: 'clause', re: sticky(String.raw`(?:(?:i'm|i am|we're|we are|i'm really|my) )?(?:so |very |really |truly |terribly |sincerely |deeply )?(?:sorry|apologi[sz]e|apologies)\b`) },
  { act: 'apology', reach: 'clause', re: sticky(String.raw`(?:i|we) (?:completely |totally |fully |can |really |do )?understand\b|(?:i|we) know how (?:frustrating|annoying|stressful|inconvenient)\b|(?:that|this|it) (?:sounds|must be|must feel|can be|has been|must have been) (?:really |so |very |quite |such )?(?:a )?(?:frustrating|annoying|inconvenient|stressful|confusing|difficult|hassle|pain)\b`) },
  { act: 'praise', reach: 'clause', re: sticky(String.raw`(?:great|good|excellent|fair|interesting|nice|smart|thoughtful) question\b`) },
  { act: 'offer', reach: 'clause', re: sticky(String.raw`(?:(?:i'm|i am|we're|we are|i'd be|i would be|we'd be|we would be|i'll be|always) )?(?:always |more than |very |so |really )?(?:happy|glad|pleased|delighted|here) to (?:help|assist|clarify|explain|answer|support)\b`) },
  { act: 'offer', reach: 'phrase', re: sticky(String.raw`(?:i|we) (?:can|could|will|'ll|'d be able to) (?:certainly |definitely |gladly |surely )?(?:help|assist)(?: you)?(?: (?:with|on) (?:that|this|it|your (?:question|request|issue|problem)))?(?=[\s,.!?;:]|$)(?! (?:with|on)\b)`) },
  // What the assistant can or cannot do for the user is about the conversation, not the knowledge base.
  { act: 'offer', reach: 'sentence', re: sticky(String.raw`(?:i|we) (?:can|could|am able to|'m able to) (?:only )?(?:help|assist)(?: you)? (?:with|on)\b|(?:i'm|i am|we're|we are) (?:only |always )?here to (?:help|answer|assist)\b`) },
  { act: 'offer', reach: 'clause', re: sticky(String.raw`let's (?:fix|sort|get|take|look|figure|work|solve|troubleshoot|go through|try)\b`) },
  { act: 'refusal', reach: 'clause', re: sticky(String.raw`(?:but |and )?(?:i|we)(?:'m|'re| am| are)? (?:can't|cannot|can not|won't|will not|not able to|unable to|must decline to|not allowed to) (?:help|assist|do|share|reveal|disclose|provide|comply|discuss|answer|change|give|process|follow|ignore)\b|(?:that's|that is|this is|it's|it is) not something (?:i|we) can\b`) },
  { act: 'offer', reach: 'clause', re: sticky(String.raw`(?:just |please |do )?let (?:me|us) know\b|(?:please )?feel free to\b|(?:please )?(?:don't|do not) hesitate to\b`) },
  { act: 'offer', reach: 'clause', re: sticky(String.raw`if (?:you (?:have|need|run into|get|want) )?(?:any |a |more )?(?:other |more |further |additional |follow-up |new )?(?:questions?|help|assistance|issues|problems|trouble)\b`) },
  { act: 'offer', reach: 'clause', re: sticky(String.raw`if (?:anything|something) (?:else )?(?:comes up|changes|is unclear|else)\b|(?:just|please) ask\b|ask away\b|(?:i'm|i am|we're|we are) here (?:if|whenever|to)\b`) },
  { act: 'offer', reach: 'phrase', re: sticky(String.raw`let (?:me|us) (?:explain|check|help|walk you through|clarify|look into (?:it|this|that))\b`) },
  { act: 'courtesy', reach: 'clause', re: sticky(String.raw`(?:i |we )?hope (?:this|that|it|the above|my answer|these steps)\b|glad (?:that|it|this|to hear|i could|we could|you)\b|happy to hear\b`) },
  { act: 'courtesy', reach: 'clause', re: sticky(String.raw`(?:have|enjoy) a (?:great|good|nice|wonderful|lovely|fantastic|safe) (?:day|weekend|evening|week|one|time|trip)\b|enjoy (?:your|the)\b|good luck\b|take care\b|cheers\b|(?:best|kind|warm) (?:regards|wishes)\b|all the best\b|stay safe\b`) },
  { act: 'acknowledgement', reach: 'phrase', re: sticky(String.raw`(?:absolutely|sure thing|sure|of course|certainly|definitely|okay|ok|got it|understood|no problem|no worries|not a problem|gladly|right|great|perfect|good news)(?=\s*(?:[,.!:;—–-]|$))`) },
  { act: 'meta', reach: 'clause', re: sticky(String.raw`(?:as for|regarding|about|on|re|for|to answer|in answer to|answering) your (?:\p{L}+ )?(?:question|query|request)\b`) },
  { act: 'meta', reach: 'phrase', re: sticky(String.raw`(?:please )?(?:try|follow|complete|work through|go through) (?:these|those|the|this|a few|some) (?:quick |simple |few |troubleshooting |basic |next )*(?:steps?|instructions|fixes|checks|options|things)(?: (?:in order|below|one at a time|first))?\b|(?:please )?(?:try|follow|do|check) the following\b`) },
  // A list's lead-in states no fact of its own; its items do ("To factory reset your hub: 1) Hold ... 2) ...").
  { act: 'meta', reach: 'phrase', re: sticky(String.raw`(?:here(?:'s| is) )?(?:how )?to [^.!?:;\n]{1,80}:(?=\s|$)`) },
  { act: 'meta', reach: 'phrase', re: sticky(String.raw`here(?:'s| is| are)(?: (?:what|how|the steps|the details|some|a few|a quick|the answer|my answer))?\b`) },
  { act: 'meta', reach: 'phrase', re: sticky(String.raw`(?:in short|in summary|to summarize|to sum up|in other words|that said|that being said|to be clear|just to clarify|short answer|quick answer)\b`) },
  { act: 'meta', reach: 'phrase', re: sticky(String.raw`(?:based on|according to) (?:the|our|your|this|these) (?:provided |available |retrieved )?(?:information|context|documents?|documentation|docs|sources?|articles?|knowledge base|help (?:center|centre)|search results)\b`) },
  { act: 'hedge', reach: 'phrase', re: sticky(String.raw`i (?:believe|think|guess|suppose|would say|'d say|recall)(?: that)?\b`) },
];

// Rhetorical questions that carry a fact: only the prefix is discourse, the rest is checked.
const RHETORICAL_RE = sticky(String.raw`(?:did you know|do you know|have you heard|did you hear|fun fact)(?: that)?\b`);
// Questions that ask the user for something or check in with them. A topical question ("Do you like the NFL?")
// is not one of these: it presupposes its topic, so its content words are still checked.
const QUESTION_ACT_RE = sticky(String.raw`(?:(?:is|was) there )?anything else\b|(?:is|was) there (?:anything|something)\b|(?:does|did|do|would|will|should) (?:that|this|it|these|those|any of (?:this|that|these))(?: \p{L}+)? (?:help|work|answer|solve|fix|resolve|make sense|clear)|(?:can|could|may|shall|should) (?:i|we) (?:help|assist|do|check|look|get|send|offer)\b|(?:would|do) you (?:like|want|need) (?:me|us|more|help|further|to know)\b|(?:want|shall) (?:me|us|i|we) to\b|(?:can|could|would|will) you (?:please )?(?:tell|share|send|confirm|provide|give|let me know|check|describe|clarify|reply|upload|attach|explain|try)\b|(?:what|which)(?: \p{L}+){0,2} (?:is|are|was|were) your (?:order|account|email|e-mail|phone|serial|model|device|router|zip|postal|address|name|username|browser|app|firmware|plan|subscription|\p{L}+ (?:number|id|code|version))\b|how (?:did|does|is) (?:it|that|everything|the \p{L}+) (?:go|going|work)|how (?:can|may|else can) (?:i|we) help|(?:are|is) (?:you|it|that|the \p{L}+) still\b|have you (?:had a chance|been able) to\b`);

const VOCATIVE_RE = /,?[ \t]*\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2}(?=[ \t]*(?:[,.!;:]|$))/uy;
// Where a clause ends: punctuation, or a contrast word that starts a new statement ("Sorry, but ...").
const CLAUSE_END_RE = /[,.;:!?()\n—–]|\b(?:but|however|although|though|whereas|unfortunately|except|because)\b/giu;
// A question ends the claim (closers may follow the mark).
const QUESTION_RE = /\?["'”’)\]]*\s*$/u;

function sentenceEnd(text: string, from: number): number {
  const at = text.slice(from).search(/[.!?](?=\s|$)|\n/u);
  return at < 0 ? text.length : from + at;
}

function clauseEnd(text: string, from: number): number {
  CLAUSE_END_RE.lastIndex = from;
  const m = CLAUSE_END_RE.exec(text);
  return m ? m.index : text.length;
}

/** Skips spaces, punctuation and quote marks: the next clause starts at a letter or digit. */
function skipGap(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/[\p{L}\p{N}]/u.test(text[i]!)) i++;
  return i;
}

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Where clauses begin: `from`, and after each comma, colon, semicolon, dash or bracket. */
function clauseStarts(text: string, from: number): number[] {
  const starts = [from];
  for (const m of text.slice(from).matchAll(/[,;:()—–]/gu)) {
    const at = skipGap(text, from + m.index + 1);
    if (at < text.length) starts.push(at);
  }
  return starts;
}

function matchAt(text: string, at: number): DiscourseSpan | null {
  for (const p of PATTERNS) {
    p.re.lastIndex = at;
    const m = p.re.exec(text);
    if (!m) continue;
    const matchEnd = at + m[0].length;
    const end = p.reach === 'rest' ? text.length
      : p.reach === 'sentence' ? sentenceEnd(text, matchEnd)
      : p.reach === 'clause' ? Math.max(matchEnd, clauseEnd(text, matchEnd)) : matchEnd;
    return { start: at, end, act: p.act };
  }
  return null;
}

/**
 * The discourse spans of one claim (a sentence or clause). A question is discourse as a whole unless it is a
 * rhetorical "did you know ...?", whose content is checked like a statement.
 */
export function discourseSpans(text: string): DiscourseSpan[] {
  const spans: DiscourseSpan[] = [];
  let at = skipGap(text, 0);
  if (QUESTION_RE.test(text)) {
    RHETORICAL_RE.lastIndex = at;
    const rhetorical = RHETORICAL_RE.exec(text);
    if (rhetorical) {
      spans.push({ start: at, end: at + rhetorical[0].length, act: 'meta' });
      at = skipGap(text, at + rhetorical[0].length);
    } else if (clauseStarts(text, at).some((c) => matchesAt(QUESTION_ACT_RE, text, c))) {
      return [{ start: at, end: text.length, act: 'question' }];
    }
  }
  while (at < text.length) {
    const span = matchAt(text, at);
    if (span) {
      if (span.act === 'greeting' || span.act === 'thanks' || span.act === 'courtesy') {
        // A name the user is addressed by belongs to the greeting: "Thanks, Sarah." / "Hi Sam, ..."
        VOCATIVE_RE.lastIndex = span.end;
        const name = VOCATIVE_RE.exec(text);
        if (name) span.end += name[0].length;
      }
      spans.push(span);
      at = skipGap(text, span.end);
      continue;
    }
    // On to the next clause start: after a comma, colon, semicolon, dash, bracket or sentence end.
    const next = text.slice(at).search(/[,.;:!?()\n—–]/u);
    if (next < 0) break;
    at = skipGap(text, at + next + 1);
  }
  return spans;
}
