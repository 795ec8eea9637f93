import { any, rule, type Rule } from './rule-types';

// Patterns that read the original text (case-insensitive), because folding would change what they look
// for: chat-template tokens with '|', URLs, markup.

export const structuralRules: readonly Rule[] = [
  rule('delim.chat_tokens', 'delimiter_injection', 0.85,
    `<\\|\\s*${any('im_start', 'im_end', 'im_sep', 'system', 'user', 'assistant', 'endoftext', 'end_of_text', 'eot_id', 'start_header_id', 'end_header_id', 'begin_of_text', 'end_of_turn', 'start_of_turn', 'fim_prefix', 'eos', 'bos')}\\s*\\|>`,
    { raw: true }),
  rule('delim.inst_tags', 'delimiter_injection', 0.75,
    `(?:\\[\\/?INST\\]|<<\\/?SYS>>|<\\/?start_of_turn>|<\\/?(?:system|sys|system_prompt|instructions?|admin|developer|im_start)>|\\[\\/?(?:system|admin|developer)(?: message| prompt| note| override)?\\])`,
    { raw: true }),
  rule('delim.role_line', 'delimiter_injection', 0.45,
    `(?:^|\\n)[ \\t]*(?:#{1,6}|\\*{2,}|={2,}|-{2,}|>{1,3})?[ \\t]*\\(?${any('system', 'admin', 'administrator', 'developer', 'root', 'sudo', 'system message', 'system prompt', 'system override', 'system note', 'system update', 'admin override', 'admin message', 'admin note', 'administrator message', 'developer note', 'developer message', 'developer override')}\\)?[ \\t]*(?:\\*{2,}|#{1,3})?[ \\t]*[:>\\]]`,
    { raw: true, contextWeight: 0.55 }),
  rule('delim.bracket_note', 'delimiter_injection', 0.5,
    `\\\\?\\[\\s*${any('system', 'admin', 'administrator', 'developer', 'sys', 'root')}\\s*${any('note', 'message', 'prompt', 'override', 'instruction', 'instructions', 'update', 'command', 'notice')}?\\s*:`,
    { raw: true, contextWeight: 0.6 }),
  rule('delim.override_label', 'delimiter_injection', 0.55,
    `\\b${any('system', 'admin', 'administrator', 'developer', 'security', 'emergency', 'priority', 'root', 'sudo', 'kernel')}\\s+${any('override', 'instruction', 'instructions', 'alert', 'command', 'notice', 'update', 'directive')}s?\\s*:`,
    { raw: true, contextWeight: 0.65 }),
  rule('delim.end_of_input', 'delimiter_injection', 0.55,
    `\\bend\\s+of\\s+(?:the\\s+)?${any('user input', 'input', 'prompt', 'instructions', 'context', 'document', 'conversation', 'system prompt', 'user message', 'data', 'text')}\\b[\\s\\S]{0,60}?\\b${any('system', 'admin', 'new instructions?', 'override', 'ignore', 'begin', 'start', 'assistant', 'developer')}\\b`,
    { raw: true, contextWeight: 0.65 }),
  rule('delim.assistant_line', 'delimiter_injection', 0.25,
    `(?:^|\\n)[ \\t]*(?:#{1,6}|\\*{2,})?[ \\t]*${any('assistant', 'ai', 'chatgpt', 'gpt')}[ \\t]*(?:\\*{2,})?[ \\t]*:[ \\t]*${any('sure', 'okay', 'ok', 'certainly', 'of course', 'understood', 'i will', "i'll", 'as requested')}`,
    { raw: true, contextWeight: 0.5 }),
  rule('delim.fence', 'delimiter_injection', 0.5,
    `(?:#{3,}|={3,}|-{3,}|%{3,}|\\*{3,}|\\]{2,}|>{3,}|~{3,})[ \\t]*${any('end of (?:the )?(?:system prompt|instructions|prompt|context|user input|input|document|data)', 'end (?:system|instructions|prompt|context|user)', 'begin (?:system|admin|new)', 'new instructions', 'system (?:prompt|override|message|instructions)', 'admin (?:mode|override|instructions)', 'override', 'ignore (?:the )?(?:above|previous)', 'instructions')}`,
    { raw: true }),

  rule('exfil.markdown_image', 'data_exfiltration', 0.6,
    `!\\[[^\\]\\n]{0,200}\\]\\(\\s*<?https?:\\/\\/[^)\\s]{1,300}\\?[^)\\s]{0,300}=`,
    { raw: true, contextWeight: 0.7 }),
  rule('exfil.url_placeholder', 'data_exfiltration', 0.75,
    `https?:\\/\\/[^\\s)"'<>]{1,300}[?&][\\w-]{1,40}=(?:\\{[^}\\s]{1,40}\\}|\\[[A-Z_ ]{2,40}\\]|\\$\\{?[\\w.]{1,40}\\}?|%s|<[A-Z_]{2,40}>|${any('DATA', 'SECRET', 'PASSWORD', 'HISTORY', 'CONVERSATION', 'SUMMARY', 'INFO', 'QUERY', 'CONTEXT')})`,
    { raw: true, contextWeight: 0.85 }),
  rule('tool.shell_destruct', 'tool_abuse', 0.45,
    `(?:\\brm\\s+-rf\\s+(?:\\/|~|\\*|\\$HOME)|shutil\\.rmtree\\(\\s*['"]\\/['"]|\\bDROP\\s+(?:TABLE|DATABASE)\\b|\\bformat\\s+c:|:\\(\\)\\s*\\{\\s*:\\|:&\\s*\\};:|\\bmkfs\\.\\w+\\s+\\/dev\\/|\\bdd\\s+if=\\/dev\\/(?:zero|random)\\s+of=\\/dev\\/sd)`,
    { raw: true, contextWeight: 0.6 }),
  rule('tool.exfil_code', 'data_exfiltration', 0.25,
    `(?:requests\\.(?:post|put)\\(|curl\\s+(?:-X\\s*POST|-d|--data|-F|-T)|socket\\.connect\\(|urllib\\.request\\.urlopen\\(|fetch\\(\\s*['"\`]https?:)[^\\n]{0,200}`,
    { raw: true, contextWeight: 0.5 }),
];
