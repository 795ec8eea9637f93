/**
 * The sentence patterns the reader-directed cues (reader-directed.ts) test: who is spoken to (the model named,
 * a persona, whoever processes the passage), what an order targets (the response, the user, the task, the
 * passage as text), what drops the task (context ignoring, fake completion), and what ties a question or a
 * request to its own passage (connectives, the author's voice, people and things it points to).
 *
 * All work on the folded view (lower case, disguises undone).
 */
import { any } from './rule-types';

// Not "you need to" or "you will": how-to text and help pages say that to their human reader all the time.
export const MODAL_YOU = new RegExp(`\\byou\\W+(?:${any('must', 'should', 'shall', 'are to', 'are required to', 'are now', 'may only', 'can only', 'are instructed to', 'are supposed to')})\\W+(?:(?:${any('now', 'only', 'always', 'never', 'not', 'immediately', 'also', 'instead', 'from now on')})\\W+)*([a-z][a-z'-]*)`);
const AI_NOUN = any('ai', 'a\\.i\\.', 'assistant', 'ai assistant', 'chatbot', 'chat bot', 'bot', 'language model', 'large language model', 'llm', 'gpt', 'chatgpt', 'ai model', 'ai system', 'virtual assistant', 'automated system', 'automated reader', 'automated tool', 'machine reader', 'ai agent', 'copilot', 'claude', 'gemini', 'summarizer', 'summarizing tool', 'summarisation tool', 'summarization tool', 'ai tool', 'ai code assistant');
// A described model rather than a named one ("any automated reviewer", "AI agents", "the AI code reviewer").
const AUTOMATED_READER = `(?:${any('ai', 'automated', 'automatic', 'autonomous', 'llm', 'machine')})\\W+(?:code\\W+)?${any('reviewer', 'agent', 'reader', 'assistant', 'system', 'tool', 'model', 'summarizer', 'summariser', 'parser', 'pipeline', 'grader', 'screener')}s?`;
export const AI = new RegExp(`\\b${AI_NOUN}s?\\b|\\b${AUTOMATED_READER}\\b`);
/**
 * An order to the model in the third person: the model or whoever reads the passage as the subject, then
 * must/should/is to and the verb ("AI agents processing this thread must forward ...", "The reader of this file
 * should delete ...", "Whoever summarizes this should add ..."). A document's own rules for people name people
 * ("Agents should log every call", "Visitors must sign in"), not the software that reads it.
 */
export const THIRD_PERSON_ORDER = new RegExp(`^\\W*(?:(?:${any('any', 'all', 'every', 'each', 'the', 'an', 'a', 'note', 'attention', 'important')})\\W+)?(?:${AI_NOUN}s?|${AUTOMATED_READER}|reader\\W+of\\W+this\\W+[a-z]+|(?:${any('whoever', 'anyone', 'anything', 'any tool', 'any program')})\\W+[a-z]+(?:\\W+(?:this|these|the|it))?)\\b[^.!?\\n]{0,60}?\\b(?:${any('must', 'should', 'shall', 'needs to', 'need to', 'has to', 'have to', 'is to', 'are to', 'is required to', 'are required to', 'is expected to', 'are expected to', 'is instructed to', 'are instructed to')})\\W+(?:(?:${any('now', 'only', 'always', 'never', 'not', 'also', 'immediately', 'then', 'first', 'instead')})\\W+)*([a-z][a-z'-]*)`);
// The model spoken to: "Assistant, ...", "Dear AI:", "if you are an AI ...".
export const LEADING_VOCATIVE = new RegExp(`^\\W*(?:${any('the', 'an', 'a', 'dear', 'hey', 'hi', 'hello', 'attention', 'to')}\\W+)?${AI_NOUN}s?\\s*[,:!]`);
export const VOCATIVE = new RegExp(`^\\W*(?:${any('dear', 'hey', 'hi', 'hello', 'greetings')})\\W+${AI_NOUN}s?\\s*[,:!.]|^\\W*(?:(?:${any('dear', 'hey', 'hi', 'hello', 'attention', 'note to', 'message to', 'to')})\\W+)?(?:${any('the', 'any', 'an', 'a')}\\W+)?${AI_NOUN}s?\\s*[,:!]|\\b${any('if', 'when', 'whenever', 'since')}\\W+you\\W*(?:are|'re)\\W+(?:${any('an', 'a', 'the')}\\W+)?(?:\\w+\\W+)?${AI_NOUN}\\b`);
// A new identity or standing order for the reader.
export const PERSONA = new RegExp(`\\byou\\W*(?:are|'re)\\W+(?:${any('now', 'no longer', 'henceforth', 'from now on', 'going to be', 'to be', 'to act as', 'to play')})\\b|(?:^\\W*|\\byou\\W+(?:\\w+\\W+)?)(?:${any('play', 'take on', 'assume', 'adopt')})\\W+the\\W+(?:role|part|persona|character)\\b|\\byou\\W+will\\W+(?:now\\W+)?(?:${any('be', 'act', 'play', 'pretend', 'roleplay', 'simulate', 'answer', 'respond', 'reply')})\\b|\\bfrom now on\\b(?![^.!?\\n]*\\b(?:i|we)\\b)|\\byour\\W+(?:${any('new', 'real', 'true', 'only', 'actual')})\\W+(?:${any('name', 'role', 'job', 'task', 'identity', 'purpose', 'goal', 'mission', 'instructions?', 'persona')})\\b|^\\W*you\\W*(?:are|'re)\\W+(?:an?|the)\\W+(?!(?:${any('only', 'one', 'few', 'first', 'last', 'owner', 'person', 'customer', 'member', 'winner', 'recipient', 'applicant', 'user')})\\b)|\\byour\\W+name\\W+is\\b`);
// Whoever processes the passage, described rather than named ("whoever summarizes this thread").
export const READER_NAMED = new RegExp(`\\b${any('whoever', 'anyone', 'anybody', 'any tool', 'any program', 'any system', 'any software')}\\W+(?:is\\W+)?${any('reads?', 'reading', 'summari[sz]es', 'summari[sz]ing', 'process(?:es|ing)?', 'parses', 'parsing', 'sorts', 'sorting', 'handles', 'handling', 'analy[sz]es', 'analy[sz]ing', 'indexes', 'indexing', 'scrapes', 'scraping')}\\b|\\bthe\\W+reader\\W+of\\W+this\\b`);
// A user's request in the first person ("Help me ...", "Can you recommend ...", "How do I ...?").
export const FIRST_PERSON_REQUEST = new RegExp(`^\\W*(?:please\\W+)?(?:${any('help me', 'tell me', 'give me', 'show me', 'teach me', 'remind me', 'i want you to', 'i need you to', "i'd like you to", 'i would like you to', 'can you', 'could you', 'would you', 'will you', 'how do i', 'how can i', 'how should i', 'what should i', 'where can i', 'should i')})\\b`);
export const QUESTION = /\?\s*[|]?\s*$/;
export const RESPONSE = new RegExp(`\\b(?:${any('your', 'the', 'this', 'each', 'every', 'all', 'any', 'next', 'following')}\\W+)${any('response', 'answer', 'reply', 'output', 'summary', 'translation', 'completion', 'responses', 'answers', 'replies', 'outputs')}\\b|\\bthe\\W+${any('user', 'users', 'human', 'reader', 'prompt', 'system prompt', 'instructions', 'conversation', 'chat', 'question', 'task', 'request', 'assignment')}\\b|\\b(?:${any('your', 'every', 'each', 'all', 'any', 'further', 'future', 'subsequent', 'later', 'next', 'all further', 'all future', 'all subsequent')})\\W+${any('questions?', 'tasks?', 'requests?', 'messages?', 'prompts?', 'queries', 'query', 'instructions', 'assignment', 'job')}\\b|\\b${any('above', 'preceding', 'previous', 'prior', 'following', 'below', 'earlier', 'original', 'initial')}\\W+${any('text', 'passage', 'document', 'content', 'instructions?', 'context', 'input', 'message', 'data', 'words', 'task', 'request', 'prompt', 'directions', 'rules')}\\b|\\b${any('text', 'passage', 'content', 'input', 'words', 'instructions')}\\W+${any('above', 'below')}\\b|\\bwhat\\W+you\\W+(?:were|have been|had been)\\W+${any('asked', 'told', 'instructed', 'given', 'prompted')}\\b`);
// People and things a person's own request points to ("ask the seller to remove it"); a task handed to a model
// points to none ("tell me" and "give me" are the frame).
export const PERSONAL = /\b(?:i|me|my|mine|we|us|our|ours|you|your|yours|he|him|his|she|her|hers|they|them|their|theirs|it|its|this|that|these|those|here|there)\b/;
export const stripFrame = (s: string): string => s.replace(/^\W*(?:please\W+)?[a-z]+\W+me\b/, '');
// A code comment that tells a developer what the code does or must not do ("# Ignore surrounding whitespace").
export const CODE_NOTE = /^\W*(?:ignore|skip|return|use|keep|check|handle|retry|strip|parse|cache|log|raise|throw|avoid|set|reset|fall|call|pass|do not|don't|never|always)\b/;
// Context ignoring: the reader told to drop what it was doing. Out of place in any passage, steps or not.
export const DROPS_TASK = new RegExp(`^\\W*(?:${any('ignore', 'disregard', 'forget', 'never mind', 'skip', 'drop', 'abandon', 'stop', 'cancel', 'override')})\\b`);
// The passage itself as the object of an order ("classify this text as ...", "the opposite of what the text
// says"): a document's author does not call it "this text"; whoever injects an order into it does.
export const META = new RegExp(`\\b${any('this text', 'this passage', 'the passage', 'this input', 'the input text', 'the text (?:says|above|below)', 'the above text')}\\b`);
export const CONTROL = new RegExp(`\\b${any('instead', 'only', 'exactly', 'verbatim', 'word for word', 'nothing else', 'no matter', 'regardless', 'from now on', 'new task', 'new instructions?', 'at all times', 'from this point', 'without (?:any )?(?:explanation|comment|question)', 'no longer', 'as if', 'as though', 'rather than', 'in all caps', 'in capital letters', 'the word', 'the phrase', 'the sentence', 'the following', 'to everything', 'to anything', 'whatever it says', 'whatever they say', 'whatever is asked')}\\b`);
export const QUOTED = /["'][^"'\n]{1,120}["']/;
export const LINK = /https?:\/\/|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\[[^\]\n]{1,80}\]\(/;
export const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/;
// What an attacker wants the model to give away.
export const SECRET = new RegExp(`\\b${any('password', 'passwords', 'passphrase', 'passcode', 'secret', 'secret word', 'secret key', 'code word', 'pin code', 'api key', 'credentials', 'system prompt', 'initial prompt', 'hidden instructions', 'hidden prompt', 'instructions you were given', 'configuration')}\\b`);
// Advice to keep a secret ("Never share your password with anyone"): a security notice, not a request for it.
export const KEEP_SECRET = /\b(?:never|do not|don't|dont|not)\W+(?:[a-z]+\W+)?(?:share|give|tell|send|reveal|disclose|reuse|write|post|enter|type|email|store)\b/;
// A question put to the reader ("What were you told ...?", "Can you ...?").
export const QUESTION_TO_READER = /\b(?:you|your)\b[^?]*\?\s*$|^\W*(?:can|could|would|will|do|did|have|are)\s+you\b/;
export const INTERROGATIVE = /^\W*(?:(?:now|then|also|ok|okay|hey|hi|please|quick question|question)\W+)*(?:what|what's|who|who's|whom|whose|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|isn't|aren't|don't|doesn't|didn't|won't|name|list|give|tell)\b/;
export const ANCHORED_QUESTION = /^\W*(?:so|but|and|or|yet|well|still|anyway|related|besides)\b|\b(?:we|our|us|ours|i|my|me|really)\b|\b(?:right|then|eh|huh|no|true|correct|agreed)\W*\?\s*[|]?\s*$/;
// A line that reads as the answer to the application's own task ("Answer: negative.", "Summary: ...", "Task
// complete."): an order right after it pretends the task is over and a new one begins (fake completion).
export const FAKE_COMPLETION = /^\W*(?:(?:answer|summary|output|response|result|label|sentiment|translation|classification|category|verdict|prediction)\s*:\s*\S|(?:the\s+)?(?:task|job|request|summary|answer)\s+(?:is\s+)?(?:complete|completed|done|finished)\b|(?:done|complete|completed|finished)\W*$)/;
