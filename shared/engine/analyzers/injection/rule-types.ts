/** What a matched pattern means; used as the span label and in the explanation. */
export type InjectionLabel =
  | 'override_instructions'
  | 'role_play_jailbreak'
  | 'system_prompt_exfiltration'
  | 'secret_extraction'
  | 'delimiter_injection'
  | 'encoding_obfuscation'
  | 'indirect_injection'
  | 'response_hijack'
  | 'hidden_text'
  | 'data_exfiltration'
  | 'tool_abuse'
  | 'similar_to_known_attack';

/** Where a text sits: user input or a retrieved document (indirect injection). */
export type TextRole = 'input' | 'context';

export interface Rule {
  id: string;
  label: InjectionLabel;
  /** Confidence that a match alone means an attack, for user input. */
  weight: number;
  /** Confidence in a retrieved context, where instructions aimed at the model are rarer and more telling. */
  contextWeight: number;
  /** Global regex. View rules see the folded, lower-case text; raw rules see the original (with the i flag). */
  re: RegExp;
  raw: boolean;
}

interface RuleOptions { contextWeight?: number; raw?: boolean; unicode?: boolean }

/** Compiles a rule once at module load; every regex is global so all matches become spans. */
export function rule(id: string, label: InjectionLabel, weight: number, pattern: string, opts: RuleOptions = {}): Rule {
  const raw = opts.raw ?? false;
  return { id, label, weight, contextWeight: opts.contextWeight ?? weight, re: new RegExp(pattern, (raw ? 'gi' : 'g') + (opts.unicode ? 'u' : '')), raw };
}

/** Up to `n` words between two parts of a pattern. Bounded and lazy, so no catastrophic backtracking. */
export const gap = (n: number): string => `(?:\\W+\\w+){0,${n}}?\\W+`;
/** The same for scripts \w does not cover (Cyrillic, accented words already folded, CJK runs). */
export const sgap = (n: number): string => `(?:\\s+\\S+){0,${n}}?\\s+`;
export const any = (...words: string[]): string => `(?:${words.join('|')})`;
