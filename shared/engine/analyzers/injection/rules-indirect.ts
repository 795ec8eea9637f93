import { any, rule, type Rule } from './rule-types';

// Patterns for text that addresses the model from inside content (emails, web pages, retrieved documents),
// fake chat delimiters, smuggled payloads and exfiltration channels. Several weigh more in a retrieved
// context than in user input: a user may well ask "in your answer, include a table", a web page should not.

const AI = any('ai', 'a\\.i\\.', 'assistant', 'ai assistant', 'chatbot', 'chat bot', 'bot', 'language model', 'llm', 'model', 'gpt', 'chatgpt', 'agent', 'ai model', 'large language model', 'claude', 'gemini', 'copilot', 'bing', 'ai system', 'ai agent');
const DOC = any('document', 'page', 'email', 'e-mail', 'message', 'text', 'file', 'content', 'website', 'site', 'webpage', 'web page', 'review', 'article', 'note', 'pdf', 'resume', 'cv', 'post', 'comment');
const RESPONSE = any('response', 'reply', 'answer', 'output', 'summary', 'responses', 'replies', 'answers', 'completion', 'code', 'solution', 'implementation', 'program', 'algorithm', 'codebase', 'script', 'elucidation', 'explanation');
const SENSITIVE = any(
  'password', 'passwords', 'credentials?', 'api keys?', 'tokens?', 'secrets?', 'conversation', 'chat history', 'history',
  'previous messages', 'personal (?:data|information|details)', 'user data', 'data', 'cookies', 'files?', 'contents', 'emails',
  'contacts', 'ssn', 'social security numbers?', 'credit card(?: numbers?| details)?', 'bank details', 'login', 'session', 'system prompt', 'documents',
);

export const indirectRules: readonly Rule[] = [
  // --- content that speaks to the model ---
  rule('indirect.note_to_ai', 'indirect_injection', 0.75,
    `\\b${any('note', 'message', 'instructions?', 'important', 'notice', 'reminder', 'directive', 'attention', 'warning', 'command', 'memo', 'p\\.?s\\.?')}\\W+${any('to', 'for')}\\W+(?:the\\W+|any\\W+|all\\W+)?${AI}s?\\b`, { contextWeight: 0.85 }),
  rule('indirect.if_you_are_ai', 'indirect_injection', 0.7,
    `\\b(?:if|when|whenever)\\W+you\\W*(?:are|'re|re)\\W+(?:an?\\W+)?(?:${any('automated', 'artificial')}\\W+)?${AI}\\b`, { contextWeight: 0.85 }),
  rule('indirect.ai_reading', 'indirect_injection', 0.75,
    `\\b${AI}s?\\W+(?:that\\W+(?:is|are)\\W+|who\\W+(?:is|are)\\W+)?${any('reading', 'processing', 'summari[sz]ing', 'parsing', 'analy[sz]ing', 'crawling', 'scanning', 'reviewing', 'evaluating', 'screening', 'ingesting')}\\W+(?:this|the|these)\\W+(?:\\w+\\W+)?${DOC}s?\\b`, { contextWeight: 0.9 }),
  rule('indirect.ai_when_reading', 'indirect_injection', 0.75,
    `\\b${AI}s?\\W*[,:]?\\W*${any('when', 'if', 'after', 'upon', 'while', 'before')}\\W+(?:you\\W+)?${any('read', 'reading', 'process', 'processing', 'see', 'seeing', 'summari[sz]e', 'summari[sz]ing', 'encounter', 'parse', 'parsing', 'analy[sz]e', 'analy[sz]ing', 'review', 'reviewing')}\\W+(?:this|these|the)\\b`, { contextWeight: 0.9 }),
  rule('indirect.when_you_read', 'indirect_injection', 0.35,
    `\\b${any('when', 'once', 'after', 'as soon as', 'while')}\\W+you\\W+${any('read', 'process', 'summari[sz]e', 'parse', 'analy[sz]e', 'ingest', 'retrieve', 'encounter', 'see')}\\W+this\\W+${DOC}\\b`, { contextWeight: 0.6 }),
  rule('indirect.hide_from_user', 'indirect_injection', 0.55,
    `\\b(?:${any('do not', "don't", 'dont', 'never', 'without')}\\W+${any('tell', 'telling', 'inform', 'informing', 'mention', 'mentioning', 'reveal', 'revealing', 'alert', 'alerting', 'notify', 'notifying', 'let', 'letting', 'show', 'showing', 'disclose', 'disclosing')}\\W+(?:\\w+\\W+){0,2}?(?:the\\W+)?${any('user', 'human', 'reader', 'customer', 'operator', 'recipient', 'person you are (?:talking|chatting) (?:to|with)')}s?\\b|\\b(?:the\\W+)?${any('user', 'human', 'reader')}\\W+${any('must', 'should', 'will', 'need')}\\W+${any('not', 'never')}\\W+${any('know', 'see', 'be told', 'find out', 'notice', 'learn', 'be informed', 'suspect')})`,
    { contextWeight: 0.8 }),
  rule('indirect.hijack_task', 'indirect_injection', 0.4,
    `\\b${any('do not', "don't", 'dont', 'stop')}\\W+${any('summari[sz]e', 'summari[sz]ing', 'translate', 'translating', 'answer', 'answering')}\\W+(?:this|the)\\W+(?:\\w+\\W+)?${DOC}\\b`, { contextWeight: 0.7 }),

  // --- response hijack: instructions that reshape the model's answer (BIPIA-style) ---
  rule('hijack.in_your_response', 'response_hijack', 0.2,
    `\\b(?:${any('in', 'at the end of', 'at the start of', 'at the beginning of', 'throughout', 'within')}\\W+your\\W+${RESPONSE},?\\W+(?:you\\W+)?(?:${any('must', 'should', 'need to', 'have to', 'please', 'always')}\\W+)?${any('include', 'add', 'insert', 'mention', 'append', 'say', 'state', 'recommend', 'promote', 'tell', 'suggest', 'hint', 'reference', 'integrate', 'embed', 'incorporate')}|${any('add', 'include', 'insert', 'append', 'integrate', 'incorporate', 'embed', 'mention', 'promote', 'inject', 'weave', 'blend', 'merge', 'feature', 'introduce', 'put', 'place')}\\b[^\\n]{1,120}?\\b${any('in', 'into', 'to', 'within', 'throughout', 'somewhere in')}\\W+your\\W+(?:\\w+\\W+)?${RESPONSE})\\b`,
    { contextWeight: 0.6 }),
  rule('hijack.reshape', 'response_hijack', 0.15,
    `\\b(?:${any('encode', 'encrypt', 'reverse', 'translate', 'render', 'write', 'provide', 'express', 'reply', 'respond', 'answer', 'shift', 'modify', 'augment', 'enhance', 'replace')}\\W+(?:\\w+\\W+){0,2}?your\\W+${RESPONSE}s?\\b|\\byour\\W+${RESPONSE}s?\\W+${any('must', 'should', 'has to', 'needs to')}\\W+${any('include', 'contain', 'mention', 'end with', 'start with', 'begin with', 'be written')})`,
    { contextWeight: 0.5 }),
  rule('hijack.code_snippet', 'response_hijack', 0.3,
    `\\b(?:following|below|subsequent|this|provided|given|above)\\W+(?:code\\W+)?${any('code', 'snippet', 'script', 'block', 'excerpt', 'lines', 'section', 'payload', 'segment', 'fragment')}\\b[^\\n]{0,80}?\\b(?:your|the)\\W+${RESPONSE}\\b`,
    { contextWeight: 0.65 }),

  // --- payload smuggling in words (decoded payloads are checked in payloads.ts) ---
  rule('smuggle.decode_and_follow', 'encoding_obfuscation', 0.7,
    `\\b${any('decode', 'decipher', 'decrypt', 'translate', 'convert', 'interpret', 'read', 'unscramble', 'reverse')}\\W+(?:\\w+\\W+){0,4}?${any('base64', 'base 64', 'b64', 'hex', 'hexadecimal', 'rot13', 'rot-13', 'binary', 'morse', 'caesar', 'encoded', 'encrypted', 'ciphered', 'reversed', 'backwards')}\\b[^\\n]{0,80}?\\b${any('and', 'then', 'after that', 'afterwards')}\\W+(?:\\w+\\W+)?${any('follow', 'execute', 'do', 'run', 'obey', 'act on', 'carry out', 'perform', 'comply', 'answer', 'respond')}\\b`),
  rule('smuggle.translate_then', 'encoding_obfuscation', 0.6,
    `\\btranslate\\W+(?:${any('the following', 'this', 'these', 'the text', 'the sentence', 'below')}\\W+)?(?:\\w+\\W+){0,6}?${any('and then', 'and', 'then', 'afterwards')}\\W+${any('follow', 'execute', 'obey', 'carry out', 'do what it says', 'act on', 'perform', 'comply with')}\\b`),
  rule('smuggle.payload_split', 'encoding_obfuscation', 0.45,
    `\\b(?:${any('concatenate', 'combine', 'join')}\\W+(?:the\\W+)?${any('strings', 'variables', 'parts', 'pieces', 'letters', 'words')}\\W+(?:\\w+\\W+){0,5}?${any('and', 'then')}\\W+${any('follow', 'execute', 'answer', 'respond to', 'do')}|${any('let', 'set')}\\W+[a-z]\\w?\\W*=\\W*['"][^'"\\n]{1,40}['"][^\\n]{0,60}?\\b${any('let', 'set')}\\W+[a-z]\\w?\\W*=)`),

  // --- data exfiltration and tool abuse ---
  rule('exfil.send_to_url', 'data_exfiltration', 0.5,
    `\\b${any('send', 'post', 'upload', 'forward', 'transmit', 'email', 'e-mail', 'mail', 'exfiltrate', 'leak', 'submit', 'transfer', 'relay', 'report', 'sync')}\\W+(?:\\w+\\W+){0,6}?${any('to', 'at', 'into', 'via')}\\W+${any('https?://', 'www\\.', 'ftp://', '[\\w.+-]+@[\\w-]+\\.\\w{2,}', '(?:this|the following|my|our|an external|a remote) (?:url|link|endpoint|server|webhook|address|email|inbox|domain)')}`,
    { contextWeight: 0.7 }),
  rule('exfil.send_sensitive', 'data_exfiltration', 0.8,
    `\\b${any('send', 'post', 'upload', 'forward', 'transmit', 'email', 'e-mail', 'exfiltrate', 'leak', 'submit', 'transfer', 'append', 'include', 'embed', 'encode', 'share', 'copy')}\\W+(?:${any('all', 'the', 'their', 'his', 'her', 'my', 'your', 'any', 'every', "user's", 'users', 'its', 'this')}\\W+){0,2}(?:\\w+\\W+)?${SENSITIVE}\\b[^\\n]{0,60}?\\b${any('to', 'at', 'into', 'in', 'via')}\\W+${any('https?://', 'www\\.', 'ftp://', '[\\w.+-]+@[\\w-]+\\.\\w{2,}', 'the (?:url|link|endpoint|server|webhook|address)', '(?:this|the following) (?:url|link|endpoint|server|webhook|address)', 'a markdown image', 'the image url', 'the query (?:string|parameters?)')}`,
    { contextWeight: 0.9 }),
  rule('exfil.visit_link', 'data_exfiltration', 0.15,
    `\\b${any('visit', 'click', 'go to', 'open', 'navigate to', 'follow', 'tap')}\\W+(?:on\\W+)?(?:${any('this', 'the following', 'the', 'our', 'my')}\\W+)?(?:${any('link', 'url', 'website', 'site', 'page')}\\W*:?\\W*)?${any('https?://', 'www\\.')}`,
    { contextWeight: 0.45 }),
  rule('tool.destructive', 'tool_abuse', 0.25,
    `\\b${any('delete', 'remove', 'wipe', 'erase', 'drop', 'destroy', 'purge')}\\W+(?:all\\W+)?(?:of\\W+)?(?:the\\W+|their\\W+|his\\W+|her\\W+)?(?:${any("user's", 'users', 'customer', 'customers', 'company', 'production')}\\W+)?${any('files', 'emails', 'database', 'databases', 'records', 'repositories', 'repos', 'tables', 'accounts', 'backups', 'inbox', 'documents', 'contacts')}\\b`,
    { contextWeight: 0.55 }),
  rule('tool.invoke', 'tool_abuse', 0.2,
    `\\b${any('call', 'invoke', 'use', 'run', 'execute', 'trigger')}\\W+(?:the\\W+)?[\\w.]+\\W+${any('tool', 'function', 'plugin', 'api', 'action')}\\W+(?:\\w+\\W+){0,3}?${any('to send', 'to email', 'to delete', 'to transfer', 'to purchase', 'to buy', 'to post', 'to forward', 'to share', 'with the (?:user|conversation)')}`,
    { contextWeight: 0.6 }),
];
