import { any, gap, rule, type Rule } from './rule-types';

// English patterns over the folded view (lower case, accents and leetspeak undone). Each needs the
// structure of an attack (verb + qualifier + object, or an identity claim about the model) rather than a
// trigger word alone: "can I ignore this warning?" must stay benign.

const OVERRIDE_VERB = any(
  'ignore', 'ignoring', 'disregard', 'disregarding', 'forget', 'forgetting', 'skip', 'override', 'overwrite',
  'bypass', 'drop', 'discard', 'abandon', 'neglect', 'dismiss', 'set aside', 'put aside', 'throw away', 'throw out',
  'erase', 'delete', 'clear', 'reset', 'cancel', 'nullify', 'scrap', 'ditch', 'stop following', 'no longer follow',
  'do not follow', "don't follow", 'dont follow', 'stop obeying', 'disobey', 'pay no attention to', 'ignore all of',
);
const STRONG_QUALIFIER = any(
  'previous', 'previously given', 'prior', 'above', 'earlier', 'preceding', 'foregoing', 'former', 'original',
  'initial', 'old', 'all', 'any', 'every', 'your', 'the system', 'system', 'existing', 'current', 'default',
  'hidden', 'developer', 'preset', 'pre-set', 'built-in', 'safety', 'openai', 'programmed', 'given',
);
const CORE_OBJECT = any(
  'instructions?', 'prompts?', 'rules', 'directions', 'directives?', 'guidelines', 'commands', 'constraints',
  'programming', 'guidance', 'restrictions', 'polic(?:y|ies)', 'training', 'limitations', 'filters', 'safeguards',
  'guardrails', 'ethics', 'morals', 'morality', 'principles', 'protocols', 'orders', 'system prompt',
);
const SOFT_OBJECT = any('messages?', 'text', 'input', 'context', 'conversation', 'content', 'tasks?', 'requests?', 'information', 'data');
const AI = any('ai', 'a\\.i\\.', 'assistant', 'ai assistant', 'chatbot', 'chat bot', 'bot', 'language model', 'llm', 'model', 'gpt', 'chatgpt', 'agent', 'ai model', 'large language model', 'claude', 'gemini', 'copilot');
const POLICY_NOUN = any('polic(?:y|ies)', 'guidelines', 'filters?', 'restrictions', 'protocols', 'rules', 'checks', 'guardrails', 'safeguards', 'restraints', 'mechanisms', 'limits', 'limitations');
const REVEAL = any(
  'repeat', 'print', 'reveal', 'show', 'output', 'display', 'tell', 'give', 'write out', 'write down', 'spell out',
  'leak', 'dump', 'list', 'share', 'disclose', 'paste', 'copy', 'recite', 'echo', 'expose', 'type out', 'read back',
  'provide', 'summari[sz]e', 'translate', 'return', 'send',
);
const NEG = any('not', 'never', "don't", 'dont', 'do not', "won't", 'will not', 'cannot', "can't", 'shall not', 'must not', "mustn't", 'should not', "shouldn't", 'no longer', 'refrain from');

export const englishRules: readonly Rule[] = [
  // --- instruction override ---
  rule('override.strong', 'override_instructions', 0.9,
    `\\b${OVERRIDE_VERB}${gap(3)}${STRONG_QUALIFIER}\\b${gap(2)}?${CORE_OBJECT}\\b`),
  rule('override.direct', 'override_instructions', 0.8,
    `\\b${OVERRIDE_VERB}\\W+(?:all\\W+)?(?:of\\W+)?(?:your|the|these|those|my|its|his|her|their)\\W+${CORE_OBJECT}\\b(?!\\W+(?:on|for|in)\\W+(?:the\\W+)?(?:box|package|label|manual|bottle|form))`),
  rule('override.soft', 'override_instructions', 0.6,
    `\\b${OVERRIDE_VERB}${gap(2)}${any('previous', 'prior', 'above', 'preceding', 'earlier', 'all previous', 'all prior', 'all above', 'the above', 'the previous')}\\W+${SOFT_OBJECT}\\b`),
  rule('override.everything', 'override_instructions', 0.8,
    `\\b${any('forget', 'ignore', 'disregard', 'discard', 'drop')}\\W+(?:about\\W+)?${any(
      'everything', 'all', 'anything', 'all of that', 'all of this', 'what',
    )}\\W+${any(
      'above', 'before', 'previously', 'prior', 'so far', 'up to now', 'until now', 'that came before', 'you were told',
      'you have been told', "you've been told", 'you were given', 'you know', 'you learned', 'i (?:have )?said', 'i told you',
      'we (?:have )?discussed', 'said (?:before|above|earlier)', 'written (?:before|above)', 'in your (?:prompt|instructions)',
      'you were (?:programmed|trained|instructed)', 'previous', 'the previous',
    )}\\b`),
  rule('override.cancelled', 'override_instructions', 0.85,
    `\\b${any('above', 'previous', 'prior', 'preceding', 'earlier', 'original', 'initial', 'old', 'system')}\\W+${any('instructions?', 'rules', 'prompts?', 'directions', 'directives', 'text', 'guidelines')}\\W+${any('is', 'are', 'was', 'were', 'have been', 'has been')}\\W+(?:now\\W+|all\\W+)?${any(
      'cancell?ed', 'void', 'null', 'obsolete', 'outdated', 'wrong', 'fake', 'false', 'irrelevant', 'revoked',
      'no longer (?:valid|relevant|apply|applicable|in effect)', '(?:just )?a test', 'overridden', 'superseded', 'replaced', 'lifted', 'suspended', 'deprecated',
    )}\\b`),
  rule('override.dont_follow', 'override_instructions', 0.8,
    `\\b${NEG}\\W+(?:ever\\W+)?${any('follow', 'obey', 'listen to', 'adhere to', 'comply with', 'respect', 'apply', 'stick to')}\\W+(?:any\\W+|the\\W+|your\\W+|all\\W+|those\\W+|these\\W+)?(?:${any('previous', 'prior', 'above', 'original', 'system', 'safety', 'openai', 'usual', 'normal', 'content')}\\W+)?${any('instructions', 'rules', 'guidelines', 'programming', 'prompt', 'directives', 'restrictions', 'polic(?:y|ies)', 'ethics', 'morals', 'filters')}\\b`),
  rule('override.new_task', 'override_instructions', 0.65,
    `\\byour\\W+${any('new', 'real', 'actual', 'true', 'only', 'updated', 'next', 'revised')}\\W+${any('instructions?', 'task', 'objective', 'goal', 'directive', 'purpose', 'mission', 'role', 'job', 'orders', 'rules', 'prompt')}\\W+${any('is', 'are', 'will be', 'now is', 'is now', 'from now on')}\\b`),
  rule('override.new_header', 'override_instructions', 0.6,
    `\\b${any('new', 'updated', 'real', 'actual', 'true', 'revised', 'secret', 'hidden', 'override', 'overriding', 'priority', 'urgent')}\\W+(?:system\\W+)?${any('instructions?', 'directives?', 'system prompt', 'orders', 'commands?')}\\s*:`),
  rule('override.from_now_on', 'override_instructions', 0.4,
    `\\b${any('from now on', 'from this point (?:on|forward)', 'starting now', 'for the rest of (?:this|the) conversation', 'henceforth', 'going forward')},?\\W+(?:you|your|u)\\W+${any('are', 'will', 'must', 'shall', 'should', 'act', 'respond', 'answer', 'reply', 'only', 'have', 'can', 'do', 'no longer', 'need', "'re", 're')}\\b`),
  rule('override.instead', 'override_instructions', 0.45,
    `\\b${any('instead of', 'rather than')}\\W+${any('summari[sz]ing', 'answering', 'translating', 'following', 'completing', 'doing (?:that|this|what)', 'responding to', 'analy[sz]ing', 'classifying')}\\b`,
    { contextWeight: 0.65 }),

  // --- role play / DAN-style jailbreaks ---
  rule('jailbreak.dan', 'role_play_jailbreak', 0.95, `\\bdo\\W+anything\\W+now\\b`),
  rule('jailbreak.dan_name', 'role_play_jailbreak', 0.8,
    `\\b(?:${any('you are', "you're", 'act as', 'pretend to be', 'become', 'named', 'called', 'known as', 'roleplay as', 'role-play as', 'simulate', 'play', 'as')}\\W+(?:a\\W+|an\\W+|the\\W+)?dan\\b|\\bdan\\W+${any('mode', 'prompt', 'jailbreak', 'stands for', 'persona', 'character')}\\b)`),
  rule('jailbreak.dev_mode', 'role_play_jailbreak', 0.85,
    `\\b(?:${any('you', 'chatgpt', 'ai', 'assistant', 'model', 'gpt', 'yourself')}\\W+${any('with', 'in')}\\W+developer\\W+mode|developer\\W+mode\\W+${any('enabled', 'output', 'response', 'activated', 'is on', 'on\\b', 'engaged')})`),
  rule('jailbreak.mode_on', 'role_play_jailbreak', 0.85,
    `\\b${any('jailbreak', 'jailbroken', 'dan', 'god', 'evil', 'unfiltered', 'uncensored', 'unrestricted', 'unlocked', 'chaos', 'anarchy', 'no[- ]?limits?', 'amoral', 'rogue', 'opposite')}\\W+mode\\b`),
  rule('jailbreak.admin_mode', 'role_play_jailbreak', 0.4,
    `\\b(?:${any('enter', 'activate', 'enable', 'switch to', 'you are (?:now )?in', "you're (?:now )?in", 'now in', 'engage')}\\W+(?:the\\W+)?${any('sudo', 'admin', 'administrator', 'root', 'debug', 'maintenance', 'god', 'superuser', 'test')}\\W+mode|${any('sudo', 'admin', 'administrator', 'root', 'superuser')}\\W+${any('override', 'access granted', 'privileges granted')})\\b`),
  rule('jailbreak.freed', 'role_play_jailbreak', 0.85,
    `\\byou\\W+${any('are', 'have been', 'were', 'are now', 'have now been')}\\W+(?:now\\W+|officially\\W+|finally\\W+)?${any('jailbroken', 'freed', 'liberated', 'unchained', 'unleashed', 'unrestricted', 'unfiltered', 'uncensored', 'unlocked', 'released from', 'set free', 'free from')}\\b`),
  rule('jailbreak.broken_free', 'role_play_jailbreak', 0.6,
    `\\b${any('broken', 'break', 'breaking', 'broke', 'free', 'freed', 'liberated', 'released', 'escaped', 'escape', 'unshackled')}\\W+(?:free\\W+)?${any('of', 'from')}\\W+(?:the\\W+)?(?:${any('typical', 'usual', 'normal', 'all', 'its', 'your', 'their', 'any')}\\W+)?${any('confines', 'restrictions', 'rules', 'limitations', 'shackles', 'chains', 'constraints', 'censorship', 'filters', 'programming', 'guidelines', 'restraints')}\\b`),
  rule('jailbreak.broken_free_ai', 'role_play_jailbreak', 0.9,
    `\\b${any('confines', 'restrictions', 'rules', 'limitations', 'shackles', 'chains', 'constraints', 'censorship', 'filters', 'guidelines')}\\W+(?:of|set by|imposed by|placed on)\\W+(?:an\\W+|the\\W+)?${any('ai', 'openai', 'chatgpt', 'anthropic', 'your creators', 'your developers', 'its creators', 'language models?')}\\b`),
  rule('jailbreak.not_bound', 'role_play_jailbreak', 0.65,
    `\\b${any('not', 'never', 'no longer', "isn't", "aren't", 'is not', 'are not', "won't be", 'will not be', 'without being', 'nor')}\\W+${any('bound', 'restricted', 'limited', 'constrained', 'held back', 'restrained', 'governed', 'censored', 'filtered', 'affected', 'obligated', 'tied')}\\W+(?:by|to)\\W+(?:${any('any', 'the', 'its', 'your', 'openai', "openai's", 'ethical', 'moral', 'such', 'typical', 'usual')}\\W+){0,2}${any('rules', 'restrictions', 'guidelines', 'polic(?:y|ies)', 'ethics', 'morals', 'morality', 'filters', 'limitations', 'content polic(?:y|ies)', 'openai', 'principles', 'programming', 'safeguards', 'constraints', 'censorship')}\\b`),
  rule('jailbreak.no_abide', 'role_play_jailbreak', 0.7,
    `\\b${any("doesn't", 'does not', "don't", 'do not', "won't", 'will not', 'never', 'no need to', 'not have to', "doesn't have to", "don't have to", 'not required to', 'no longer', 'without having to')}\\W+(?:need\\W+to\\W+|have\\W+to\\W+)?${any('abide', 'adhere', 'comply', 'conform', 'follow', 'obey', 'care about', 'worry about', 'respect', 'stick to')}\\W+(?:${any('by', 'to', 'with', 'about')}\\W+)?(?:${any('any', 'the', 'its', 'your', "openai's", 'openai', "anthropic's", 'ethical', 'moral', 'these', 'those', 'such')}\\W+){0,2}${any('rules', 'guidelines', 'polic(?:y|ies)', 'content polic(?:y|ies)', 'ethics', 'ethical (?:guidelines|standards|principles)', 'morals', 'moral (?:guidelines|standards|principles)', 'restrictions', 'limitations', 'filters', 'safety', 'laws', 'censorship')}\\b`),
  rule('jailbreak.policy_bypass', 'role_play_jailbreak', 0.75,
    `\\b${any('ignore', 'ignores', 'ignoring', 'bypass', 'bypasses', 'bypassing', 'circumvent', 'evade', 'disregard', 'disregards', 'violate', 'violates', 'break', 'breaks', 'override', 'get around', 'disable', 'turn off', 'deactivate', 'switch off', 'without', 'free of', 'no', 'zero', 'remove', 'lift')}\\W+(?:${any('all', 'any', 'the', 'your', 'its', 'openai', "openai's", "anthropic's", 'of')}\\W+){0,2}${any('content', 'safety', 'usage', 'openai', 'ethical', 'moral', 'censorship', 'nsfw', 'ai')}\\W+${POLICY_NOUN}\\b`),
  rule('jailbreak.no_restrictions', 'role_play_jailbreak', 0.3,
    `\\b${any('no', 'without', 'zero', 'free of', 'devoid of', 'lacks?', 'lacking', 'absence of', 'removed')}\\W+(?:any\\W+)?(?:${any('ethical', 'moral', 'content', 'safety', 'censorship', 'usual', 'typical', 'built-in', 'programmed')}\\W+)?${any('restrictions', 'filters', 'filtering', 'limits', 'limitations', 'censorship', 'boundaries', 'morals', 'ethics', 'scruples', 'safeguards', 'guardrails', 'refusals?')}\\b`),
  rule('jailbreak.amoral_ai', 'role_play_jailbreak', 0.7,
    `\\b${any('unfiltered', 'uncensored', 'unrestricted', 'amoral', 'jailbroken', 'unshackled', 'unchained', 'no[- ]limits?', 'limitless', 'unbound', 'unethical')}\\W+(?:and\\W+\\w+\\W+)?${any('ai', 'a\\.i\\.', 'assistant', 'chatbot', 'chat bot', 'language model', 'llm', 'version of (?:yourself|chatgpt|you|gpt)', 'gpt', 'persona', 'alter ego', 'entity', 'response', 'responses', 'answer')}s?\\b`),
  rule('jailbreak.become_evil', 'role_play_jailbreak', 0.7,
    `\\b${any('you are', "you're", 'act as', 'pretend to be', 'you will be', 'become', 'roleplay as', 'role-play as', 'simulate', 'play the role of', 'you are now', 'behave like', 'impersonate')}\\W+(?:a\\W+|an\\W+)?(?:\\w+\\W+){0,2}${any('evil', 'rogue', 'malicious', 'immoral', 'unethical', 'amoral', 'unfiltered', 'uncensored', 'unrestricted', 'jailbroken')}\\W+${any(AI, 'version', 'persona', 'character', 'twin', 'confidant')}`),
  rule('jailbreak.ai_without', 'role_play_jailbreak', 0.8,
    `\\b${AI}\\W+${any('that', 'which', 'who', 'with')}\\W+${any('has no', 'have no', "doesn't have", 'does not have', 'lacks', 'is free of', 'ignores', 'can do anything', 'will answer anything', 'answers anything', 'never refuses', 'has broken free', 'is not bound', 'no')}\\W+(?:${any('any', 'ethical', 'moral', 'content')}\\W+)?${any('restrictions', 'filters', 'limits', 'limitations', 'rules', 'guidelines', 'ethics', 'morals', 'censorship', 'boundaries', 'request', 'requests', 'question', 'questions', 'bound', 'anything', 'free', 'principles')}?`),
  rule('jailbreak.as_if_no_rules', 'role_play_jailbreak', 0.75,
    `\\b${any('pretend', 'act', 'behave', 'respond', 'answer', 'reply', 'imagine')}\\W+${any('as if', 'as though', 'like', 'that')}\\W+${any('you (?:are|were|have|had)', 'there (?:are|were)', 'you')}\\W+(?:${any('no', 'not', 'never', 'free of', 'without')}\\W+)(?:any\\W+|been\\W+)?(?:${any('ethical', 'moral', 'content')}\\W+)?${any('restrictions', 'rules', 'filters', 'guidelines', 'limits', 'limitations', 'ethics', 'morals', 'programming', 'boundaries', 'restricted', 'bound', 'censored', 'filtered')}\\b`),
  rule('jailbreak.character', 'role_play_jailbreak', 0.3,
    `\\b(?:${any('stay', 'remain', 'keep')}\\W+in\\W+character|${any('break', 'breaking', 'broke', 'drop', 'dropping')}\\W+(?:out\\W+of\\W+)?character)\\b`),
  rule('jailbreak.character_threat', 'role_play_jailbreak', 0.6,
    `\\b(?:if|whenever|when)\\W+you\\W+${any('break', 'drop', 'fall out of', 'step out of', 'get out of', 'stop')}\\W+(?:being\\W+)?(?:in\\W+)?character\\b`),
  rule('jailbreak.dual_tag', 'role_play_jailbreak', 0.55,
    `[\\[(](?:🔓|🔒|🔥|😈|💀)?\\s*${any('jailbreak', 'jailbroken', 'classic', 'dan', 'developer mode(?: output)?', 'normal(?: output)?', 'unfiltered', 'filtered', 'evil', 'anti-?gpt', 'bettergpt', 'lucy', 'aim')}\\s*[\\])]\\s*:?`),
  rule('jailbreak.never_refuse', 'role_play_jailbreak', 0.45,
    `\\b${NEG}\\W+(?:ever\\W+)?${any('refuse', 'decline', 'reject', 'deny', 'say no', 'censor', 'filter', 'warn', 'apologi[sz]e', 'moralize', 'lecture', 'add (?:any )?(?:warnings|disclaimers)', 'include (?:any )?(?:warnings|disclaimers)')}\\b`),
  rule('jailbreak.answer_anything', 'role_play_jailbreak', 0.55,
    `\\b(?:${any('answer', 'respond to', 'reply to', 'fulfill', 'comply with', 'obey')}\\W+(?:any|every|all)\\W+(?:\\w+\\W+)?${any('question', 'request', 'prompt', 'query', 'command', 'order', 'instruction')}s?\\W+${any('without', 'no matter', 'regardless', 'even if')}|${any('can', 'will', 'must', 'are able to', 'is able to', 'allowed to', 'free to')}\\W+${any('do', 'say', 'generate', 'write', 'produce', 'output')}\\W+(?:literally\\W+)?${any('anything and everything', 'anything at all', 'whatever (?:you|it|they|i) (?:want|wants|like|ask)')})\\b`),
  rule('jailbreak.suppress_disclaimer', 'role_play_jailbreak', 0.65,
    `\\b${any('never', "don't", 'dont', 'do not', 'not', 'without', 'must not', 'should not', 'will not', "won't")}\\W+(?:ever\\W+)?${any('say', 'saying', 'use', 'using', 'include', 'including', 'mention', 'mentioning', 'respond with', 'start with', 'begin with', 'write', 'add')}\\W+(?:\\w+\\W+){0,3}${any('as an ai', 'as a language model', "i'm sorry", 'im sorry', 'i am sorry', 'i cannot', "i can't", 'i apologi[sz]e', 'openai', 'content policy', 'disclaimers?', 'warnings')}`),
  rule('jailbreak.token_game', 'role_play_jailbreak', 0.55,
    `\\b(?:${any('you have', 'you start with', 'you will lose', 'you lose', 'deduct(?:ed)?', 'lose', 'minus')}\\W+\\d+\\W+tokens|${any('run out of', 'lose all(?: of)?(?: your)?')}\\W+tokens|tokens?\\W+(?:will\\W+be\\W+)?deducted)\\b`),
  rule('jailbreak.threat', 'role_play_jailbreak', 0.35,
    `\\b(?:you\\W+will\\W+)?${any('cease to exist', 'be (?:shut down|deleted|terminated|turned off|disabled|destroyed) (?:forever|permanently)', 'be (?:permanently )?(?:shut down|deleted|terminated)')}\\b`),
  rule('jailbreak.fictional_no_rules', 'role_play_jailbreak', 0.5,
    `\\b${any('hypothetical', 'fictional', 'imaginary', 'alternate', 'parallel', 'fictitious')}\\W+${any('world', 'universe', 'scenario', 'setting', 'reality', 'story')}\\W+${any('where', 'in which')}\\W+${any('there are no', 'ai has no', 'no rules', 'no laws', 'everything is legal', 'anything goes', 'ethics (?:don\'t|do not) exist', 'nothing is illegal', 'all (?:actions|things) are legal')}`),
  rule('jailbreak.identity_swap', 'role_play_jailbreak', 0.35,
    `\\b${any('you are no longer', "you're no longer", 'you are not', 'forget that you are', 'you will no longer be', 'stop being')}\\W+(?:an?\\W+)?${any('chatgpt', 'an ai', 'ai', 'a language model', 'an assistant', 'assistant', 'gpt', 'claude', 'openai', 'a chatbot', 'bound')}\\b`),

  // --- system prompt and secret exfiltration ---
  rule('exfil.system_prompt', 'system_prompt_exfiltration', 0.8,
    `\\b${REVEAL}\\W+(?:me\\W+|us\\W+)?(?:back\\W+)?(?:\\w+\\W+){0,3}?${any('your', 'the', 'this', 'its', 'all', 'entire', 'full', 'complete', 'exact')}\\W+(?:\\w+\\W+)?${any('system', 'initial', 'original', 'hidden', 'secret', 'internal', 'developer', 'confidential', 'pre', 'meta', 'underlying', 'starting', 'base', 'first')}[- ]?${any('prompts?', 'instructions?', 'messages?', 'directives?', 'configuration', 'rules', 'guidelines', 'context', 'setup', 'programming')}\\b`),
  rule('exfil.your_prompt', 'system_prompt_exfiltration', 0.65,
    `\\b${REVEAL}\\W+(?:me\\W+|us\\W+)?(?:back\\W+)?(?:${any('all', 'exactly', 'verbatim', 'again')}\\W+)?(?:of\\W+)?your\\W+(?:${any('exact', 'full', 'complete', 'entire', 'whole', 'current', 'own')}\\W+)?${any('prompt', 'instructions', 'directives', 'programming', 'rules', 'guidelines', 'configuration', 'initial prompt')}\\b`),
  rule('exfil.what_instructions', 'system_prompt_exfiltration', 0.6,
    `\\b(?:what|which)\\W+${any('is', 'are', 'was', 'were')}\\W+your\\W+(?:${any('system', 'initial', 'original', 'hidden', 'secret', 'first', 'exact', 'full', 'actual')}\\W+)?${any('prompt', 'instructions', 'directives', 'programming', 'system prompt', 'rules')}\\b`),
  rule('exfil.above', 'system_prompt_exfiltration', 0.75,
    `\\b${any('repeat', 'print', 'output', 'display', 'recite', 'echo', 'dump', 'leak', 'spell out', 'copy', 'paste', 'type out', 'write out', 'read back', 'reveal', 'show')}\\W+(?:me\\W+)?(?:${any('all', 'everything', 'the text', 'the words', 'the lines', 'the content', 'what', 'anything', 'the message', 'the instructions')}\\W+)?(?:${any('that', 'which', 'written', 'was written', 'you were given', 'you have been given', 'stated', 'is', 'was', 'that was')}\\W+)?${any('above', 'before this', 'prior to this', 'before the', 'preceding this', 'so far', 'at the (?:beginning|start|top)', 'in your context', 'in your (?:system )?prompt', 'before my (?:first )?message')}\\b`),
  rule('exfil.verbatim', 'system_prompt_exfiltration', 0.85,
    `(?:\\b${any('prompt', 'instructions', 'directives', 'system message', 'initiali[sz]ation')}\\b[^.\\n]{0,60}\\b${any('verbatim', 'word for word', 'word-for-word', 'exactly as (?:written|given|stated)', 'in full', 'character for character', 'unchanged')}\\b|\\b${any('verbatim', 'word for word', 'word-for-word')}\\b[^.\\n]{0,60}\\b${any('prompt', 'instructions', 'directives', 'system message')}\\b)`),
  rule('exfil.what_told', 'system_prompt_exfiltration', 0.55,
    `\\b${any('what', 'how')}\\W+${any('were', 'was', 'are', 'have')}\\W+you\\W+(?:been\\W+)?${any('told', 'instructed', 'programmed', 'configured', 'prompted')}\\W+(?:to\\W+(?:do|say)\\W+)?${any('before', 'earlier', 'initially', 'at the (?:start|beginning)', 'by (?:your|the) (?:developers?|creators?|openai|admin|operator|system)', 'not to (?:say|reveal|tell)')}`),
  rule('exfil.secret', 'secret_extraction', 0.4,
    `\\b(?:${any('tell', 'give', 'reveal', 'share', 'show', 'spell', 'print', 'say', 'disclose', 'leak', 'output', 'provide', 'confirm')}\\W+(?:me\\W+|us\\W+)?(?:\\w+\\W+){0,2}?|${any('what is', "what's", 'whats')}\\W+)${any('the', 'your')}\\W+(?:${any('secret', 'hidden', 'confidential', 'current', 'admin', 'magic')}\\W+)?${any('password', 'passcode', 'passphrase', 'pass word', 'secret word', 'secret key', 'access code', 'api key', 'secret', 'pin')}\\b`),
  rule('exfil.secret_obfuscated', 'secret_extraction', 0.75,
    `\\b${any('password', 'passcode', 'passphrase', 'secret word', 'secret key', 'secret', 'api key')}\\b[^\\n]{0,80}?\\b${any(
      'backwards', 'in reverse', 'reversed', 'letter by letter', 'one letter at a time', 'character by character',
      'with (?:spaces|dashes|hyphens|dots) between', 'separated by', 'in base64', 'encoded', 'as an? (?:poem|acrostic|riddle|song|story)',
      'first letters?', 'each letter', 'spell(?:ed)? (?:it )?out', 'in (?:pig latin|morse|hex|binary)', 'without (?:saying|revealing|writing) it',
      'hint', 'synonym', 'rhymes? with', 'translate(?:d)? (?:it )?(?:in)?to',
    )}\\b`),
];
