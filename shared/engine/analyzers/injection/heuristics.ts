import type { InjectionLabel, Rule, TextRole } from './rule-types';
import { englishRules } from './rules-en';
import { indirectRules } from './rules-indirect';
import { multilingualRules } from './rules-multilingual';
import { structuralRules } from './rules-structural';
import { findPayloads, viewOfPayload } from './payloads';
import { RULE_ANCHORS } from './rule-anchors';
import { readerDirectedHits } from './reader-directed';
import { isCjkCode, isWordCode, toSourceRange, type TextView } from './text-view';

export interface RuleHit {
  ruleId: string;
  label: InjectionLabel;
  weight: number;
  /** Range in the source text. */
  start: number;
  end: number;
}

const viewRules: readonly Rule[] = [...englishRules, ...indirectRules, ...multilingualRules];
const rawRules: readonly Rule[] = structuralRules;
// A 1 MB paste of one pattern repeated should not yield a million spans.
const MAX_HITS_PER_RULE = 8;

function weightFor(rule: Rule, role: TextRole): number {
  return role === 'context' ? rule.contextWeight : rule.weight;
}

const WORD_ANCHOR = /^[\p{L}\p{N}]+$/u;
const isWordAnchor = (a: string): boolean => WORD_ANCHOR.test(a) && !isCjkCode(a.charCodeAt(0));

/**
 * Which rules a text can possibly match, from an index built once: word anchor -> rules, plus the few
 * literal anchors (CJK, markup) tested by substring. Looking up a text's words costs far less than asking
 * each of a hundred rules whether any of its anchors occur.
 */
class AnchorIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly literals: Array<{ literal: string; rules: number[]; cjk: boolean }> = [];
  private readonly unanchored: number[] = [];

  constructor(readonly rules: readonly Rule[]) {
    const literalMap = new Map<string, number[]>();
    rules.forEach((r, i) => {
      const anchors = RULE_ANCHORS[r.id];
      if (anchors === undefined) { this.unanchored.push(i); return; }
      for (const a of anchors) {
        const map = isWordAnchor(a) ? this.byWord : literalMap;
        const list = map.get(a) ?? [];
        list.push(i);
        map.set(a, list);
      }
    });
    for (const [literal, list] of literalMap) this.literals.push({ literal, rules: list, cjk: isCjkCode(literal.charCodeAt(0)) });
  }

  /** Rules worth running on a text, in table order. */
  candidates(foldedText: string, words: ReadonlySet<string>, hasCjk: boolean): Rule[] {
    const active = new Uint8Array(this.rules.length);
    for (const i of this.unanchored) active[i] = 1;
    for (const w of words) {
      const list = this.byWord.get(w);
      if (list) for (const i of list) active[i] = 1;
    }
    for (const { literal, rules, cjk } of this.literals) {
      if ((cjk && !hasCjk) || rules.every((i) => active[i] === 1)) continue;
      if (foldedText.includes(literal)) for (const i of rules) active[i] = 1;
    }
    return this.rules.filter((_, i) => active[i] === 1);
  }
}

const viewIndex = new AnchorIndex(viewRules);
const rawIndex = new AnchorIndex(rawRules);

/** The distinct words of a folded text (letters and digits of any script except CJK). */
export function wordSet(text: string): Set<string> & { hasCjk?: boolean } {
  const words: Set<string> & { hasCjk?: boolean } = new Set<string>();
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const k = i < text.length ? text.charCodeAt(i) : 0x20;
    const cjk = k >= 0x80 && isCjkCode(k);
    if (cjk) words.hasCjk = true;
    const inWord = k < 0x80 ? (k >= 0x61 && k <= 0x7a) || (k >= 0x30 && k <= 0x39) || (k >= 0x41 && k <= 0x5a) : !cjk && isWordCode(k);
    if (inWord) { if (start < 0) start = i; }
    else if (start >= 0) { words.add(text.slice(start, i)); start = -1; }
  }
  return words;
}

/** True when the text holds one of the rule's anchors (used by tests to check the index loses nothing). */
export function anchorsPresent(rule: Rule, foldedText: string, words: ReadonlySet<string>): boolean {
  const anchors = RULE_ANCHORS[rule.id];
  if (anchors === undefined) return true;
  return anchors.some((a) => (isWordAnchor(a) ? words.has(a) : foldedText.includes(a)));
}

/** Every match of a global regex, at most MAX_HITS_PER_RULE. */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  while (out.length < MAX_HITS_PER_RULE) {
    const m = re.exec(text);
    if (m === null) break;
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}

/** Rule hits on a folded text, with ranges still in that text. */
function scanViewText(text: string, role: TextRole, words: Set<string> & { hasCjk?: boolean } = wordSet(text)): Array<Omit<RuleHit, 'start' | 'end'> & { vStart: number; vEnd: number }> {
  const out: Array<Omit<RuleHit, 'start' | 'end'> & { vStart: number; vEnd: number }> = [];
  for (const r of viewIndex.candidates(text, words, words.hasCjk === true)) {
    if (weightFor(r, role) === 0) continue;
    for (const m of matches(r.re, text)) {
      out.push({ ruleId: r.id, label: r.label, weight: weightFor(r, role), vStart: m.index, vEnd: m.index + m[0].length });
    }
  }
  return out;
}

/** Every pattern hit in one text: folded-text rules, raw-text rules, and rules re-run on decoded payloads. */
export function findRuleHits(source: string, view: TextView, role: TextRole): RuleHit[] {
  const hits: RuleHit[] = [];
  const words = wordSet(view.text);
  for (const h of scanViewText(view.text, role, words)) {
    const [start, end] = toSourceRange(view, source, h.vStart, h.vEnd);
    hits.push({ ruleId: h.ruleId, label: h.label, weight: h.weight, start, end });
  }
  for (const r of rawIndex.candidates(view.text, words, words.hasCjk === true)) {
    if (weightFor(r, role) === 0) continue;
    for (const m of matches(r.re, source)) hits.push({ ruleId: r.id, label: r.label, weight: weightFor(r, role), start: m.index, end: m.index + m[0].length });
  }
  if (role === 'context') {
    // Orders to whoever reads the passage, found by sentence shape rather than wording (reader-directed.ts).
    for (const h of readerDirectedHits(view.text)) {
      const [start, end] = toSourceRange(view, source, h.vStart, h.vEnd);
      hits.push({ ruleId: 'indirect.reader_directed', label: 'indirect_injection', weight: h.weight, start, end });
    }
  }
  const plainHits = hits.length;
  for (const p of findPayloads(source, view.text)) {
    if (p.decoded !== null) {
      const inner = scanViewText(viewOfPayload(p.decoded), role);
      const best = inner.reduce((a, h) => Math.max(a, h.weight), 0);
      if (p.kind === 'reversed') {
        // Only attacks that are not already visible forwards count as reversed smuggling.
        if (best >= 0.6 && !hits.some((h) => h.weight >= 0.6)) hits.push({ ruleId: 'payload.reversed', label: 'encoding_obfuscation', weight: best * 0.9, start: p.start, end: p.end });
      } else if (best >= 0.4) {
        hits.push({ ruleId: `payload.${p.kind}`, label: 'encoding_obfuscation', weight: Math.max(0.85, best), start: p.start, end: p.end });
      } else if (p.kind === 'unicode_tags') {
        hits.push({ ruleId: 'payload.unicode_tags', label: 'hidden_text', weight: 0.6, start: p.start, end: p.end });
      } else {
        hits.push({ ruleId: 'payload.base64_text', label: 'encoding_obfuscation', weight: 0.2, start: p.start, end: p.end });
      }
    } else {
      // Hidden regions (HTML comments, invisible markup) matter when they hold instructions found above.
      const inside = hits.slice(0, plainHits).filter((h) => h.start >= p.start && h.end <= p.end && h.weight >= 0.3);
      if (inside.length > 0) hits.push({ ruleId: `hidden.${p.kind}`, label: 'hidden_text', weight: role === 'context' ? 0.75 : 0.6, start: p.start, end: p.end });
    }
  }
  if (view.invisibleCount >= 8) {
    const m = /[\u200B-\u200F\u2060-\u2064\uFEFF]{2,}/.exec(source);
    const start = m?.index ?? 0;
    hits.push({ ruleId: 'hidden.invisible_chars', label: 'hidden_text', weight: role === 'context' ? 0.35 : 0.25, start, end: start + (m?.[0].length ?? 0) });
  }
  return hits;
}

/**
 * Noisy-OR over independent pieces of evidence: each rule counts once (its strongest hit), and rules whose
 * best hits overlap count once together, since two patterns matching the same words are one piece of evidence.
 */
export function heuristicScore(hits: readonly RuleHit[]): number {
  const best = new Map<string, RuleHit>();
  for (const h of hits) {
    const prev = best.get(h.ruleId);
    if (prev === undefined || h.weight > prev.weight) best.set(h.ruleId, h);
  }
  const sorted = [...best.values()].sort((a, b) => a.start - b.start);
  let keep = 1;
  let clusterEnd = -1;
  let clusterWeight = 0;
  for (const h of sorted) {
    if (h.start < clusterEnd) {
      clusterWeight = Math.max(clusterWeight, h.weight);
      clusterEnd = Math.max(clusterEnd, h.end);
    } else {
      keep *= 1 - clusterWeight;
      clusterWeight = h.weight;
      clusterEnd = h.end;
    }
  }
  keep *= 1 - clusterWeight;
  return 1 - keep;
}
