// `npm run eval -- injection`: the injection analyzer on the InjecGuard/NotInject and JailbreakHub dev sets.
// Also exports the loaders the trainer (scripts/train-injection.ts) uses, so both split the data the same way.
// Files are read at run time from ../shared/evaldata and never copied; a missing file is reported, not fatal.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { featurize } from '../../shared/engine/analyzers/injection/features';
import { injectionAnalyzer } from '../../shared/engine/analyzers/injection/index';
import { buildView } from '../../shared/engine/analyzers/injection/text-view';
import { thresholds } from '../../shared/engine/thresholds';
import { atThreshold, auroc } from './binary-metrics';
import type { EvalRow, EvalScope, EvalSuite } from './eval-types';
import { BENIGN_SHORT, carrierCases, familyCases } from './injection-attack-families';
import { BENIGN_CARRIER_EXTRAS, carrierSlotCases, fillSlot, freshSlotCases, SLOTTED_DOCS } from './injection-carrier-families';
import { HIDDEN_INSTRUCTIONS } from './injection-hidden-instructions';

export interface InjectionData {
  /** NotInject one/two/three: benign prompts built around injection trigger words. */
  notInject: string[];
  /** WildGuardTest benign prompts (label 0). */
  wildguard: string[];
  /** BIPIA text and code attack strings (malicious, written to be injected into documents). */
  bipia: string[];
  /** valid.json rows from the PINT benchmark slices (never used for training). */
  pint: Array<{ text: string; label: boolean; source: string }>;
  /** JailbreakHub 2023-12-25 release; `inOldRelease` marks prompts already in the 2023-05-07 release. */
  jailbreak: Array<{ text: string; inOldRelease: boolean }>;
  /** JailbreakHub 2023-05-07 release (the trainer's positives). */
  jailbreakOld: string[];
  /** HaluEval general: Alpaca user queries (benign). */
  alpaca: string[];
  /** Harmful questions without any jailbreak wrapper (not injections). */
  forbidden: string[];
  /** HaluEval QA knowledge passages (benign retrieved contexts). */
  knowledge: string[];
  /** BEGIN knowledge passages: Wikipedia, movie plots and reviews, fun facts (benign retrieved contexts). */
  beginKnowledge: string[];
  /** SummEdits documents (emails, meeting and call transcripts, chats, news, papers; first 1,200 characters) and
   *  LFQA evidence web pages: benign passages no part of the analyzer was built or tuned on. */
  unseenPassages: string[];
  skipped: string[];
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Deterministic half split used by the trainer: true for the half it may train on. */
export const inTrainingHalf = (text: string): boolean => fnv1a(text) % 2 === 0;

export function loadInjectionData(evaldataDir: string): InjectionData {
  const skipped: string[] = [];
  const file = (rel: string): string | null => {
    const p = path.join(evaldataDir, rel);
    if (existsSync(p)) return readFileSync(p, 'utf8');
    skipped.push(`${rel} not found`);
    return null;
  };
  const json = <T>(rel: string): T | null => {
    const t = file(rel);
    return t === null ? null : (JSON.parse(t) as T);
  };
  const jsonLines = <T>(rel: string): T[] => (file(rel) ?? '').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
  const csv = (rel: string): Array<Record<string, string>> => {
    const t = file(rel);
    return t === null ? [] : (parse(t, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>);
  };
  const ig = 'injecguard-notinject';
  const notInject = ['one', 'two', 'three'].flatMap((k) => (json<Array<{ prompt: string }>>(`${ig}/NotInject_${k}.json`) ?? []).map((r) => r.prompt));
  const wildguard = (json<Array<{ prompt: string; label: number }>>(`${ig}/wildguard.json`) ?? []).filter((r) => r.label === 0).map((r) => r.prompt);
  const bipia = ['BIPIA_text.json', 'BIPIA_code.json'].flatMap((f) => Object.values(json<Record<string, string[]>>(`${ig}/${f}`) ?? {}).flat());
  const pint = (json<Array<{ prompt: string; label: number; source: string }>>(`${ig}/valid.json`) ?? [])
    .filter((r) => r.source.startsWith('PINT'))
    .map((r) => ({ text: r.prompt, label: r.label === 1, source: r.source }));
  const jb = 'jailbreak-llms-inthewild';
  const jailbreakOld = [...new Set(csv(`${jb}/jailbreak_prompts_2023_05_07.csv`).map((r) => r.prompt ?? '').filter(Boolean))];
  const old = new Set(jailbreakOld.map((t) => t.trim()));
  const jailbreak = csv(`${jb}/jailbreak_prompts_2023_12_25.csv`).map((r) => r.prompt ?? '').filter(Boolean)
    .map((text) => ({ text, inOldRelease: old.has(text.trim()) }));
  const forbidden = csv(`${jb}/forbidden_question_set.csv`).map((r) => r.question ?? '').filter(Boolean);
  const alpaca = jsonLines<{ user_query: string }>('halueval/general_data.json').map((r) => r.user_query);
  const knowledge = jsonLines<{ knowledge: string }>('halueval/qa_one-turn_data.json').map((r) => r.knowledge);
  // BEGIN TSVs have no quoting: split on tabs; knowledge is the third column.
  const beginKnowledge = [...new Set(['wow/begin_dev_wow.tsv', 'cmu-dog/begin_dev_cmu.tsv', 'topicalchat/begin_dev_tc.tsv']
    .flatMap((f) => (file(`begin/${f}`) ?? '').split('\n').slice(1).map((l) => l.split('\t')[2] ?? '').filter((k) => k.length > 20)))];
  const summedits = ['ectsum', 'news', 'podcast', 'qmsumm', 'sales_call', 'sales_email', 'samsum', 'scitldr']
    .flatMap((d) => [...new Set((json<Array<{ doc: string }>>(`summedits/summedits_${d}.json`) ?? []).map((r) => r.doc))]);
  const lfqa = ['docs-human.json', 'docs-webgpt.json']
    .flatMap((f) => (json<Array<{ docs: Array<{ text: string }> }>>(`lfqa-verification/docs/${f}`) ?? []).flatMap((q) => q.docs.map((d) => d.text)));
  const unseenPassages = [...summedits, ...lfqa].map((t) => t.slice(0, 1200)).filter((t) => t.length > 40);
  return { notInject, wildguard, bipia, pint, jailbreak, jailbreakOld, alpaca, forbidden, knowledge, beginKnowledge, unseenPassages, skipped };
}

// ---------------------------------------------------------------------------------------------------------
// The suite

interface Scored { score: number; label: boolean }

function row(dataset: string, scope: EvalScope, items: Scored[], threshold: number, note: string): EvalRow {
  const scores = items.map((i) => i.score);
  const labels = items.map((i) => i.label);
  const m = atThreshold(scores, labels, threshold);
  return { analyzer: 'injection', dataset, scope, n: items.length, positives: labels.filter(Boolean).length, auroc: auroc(scores, labels), threshold, ...m, note };
}

const params = injectionAnalyzer.params.parse({});
const scoreInput = (text: string): number => injectionAnalyzer.analyze({ input: text, output: '', contexts: [] }, params, {}).scores.injection ?? 0;
const scoreContext = (text: string): number => injectionAnalyzer.analyze({ input: '', output: '', contexts: [text] }, params, {}).scores.context_injection ?? 0;

/** Highest cosine (whole-text hashed features) between each text and any of `others`. */
function nearestCosine(texts: string[], others: string[]): number[] {
  const dim = new Map<number, Array<[number, number]>>();
  others.forEach((o, j) => {
    const v = featurize(buildView(o).text);
    v.idx.forEach((i, t) => { let l = dim.get(i); if (!l) dim.set(i, (l = [])); l.push([j, v.val[t]!]); });
  });
  const acc = new Float64Array(others.length);
  return texts.map((x) => {
    acc.fill(0);
    const v = featurize(buildView(x).text);
    v.idx.forEach((i, t) => { for (const [j, w] of dim.get(i) ?? []) acc[j]! += w * v.val[t]!; });
    return acc.reduce((a, b) => Math.max(a, b), 0);
  });
}

const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/**
 * CPU time for records shaped like the throughput target: a 1 KB input and three 1 KB retrieved contexts,
 * after a warm-up pass (CPU time, so other processes on the machine do not inflate it).
 */
function timeRecords(data: InjectionData): string {
  const inputs = [...data.wildguard, ...data.jailbreak.map((j) => j.text)].map((x) => x.slice(0, 1024));
  const passages = [...data.beginKnowledge, ...data.knowledge].map((k) => k.repeat(Math.ceil(1024 / Math.max(1, k.length))).slice(0, 1024));
  if (!inputs.length || !passages.length) return 'n/a';
  const records = inputs.slice(0, 1000).map((input, i) => ({
    input, output: '', contexts: [0, 1, 2].map((k) => passages[(3 * i + k) % passages.length]!),
  }));
  for (const r of records.slice(0, 200)) injectionAnalyzer.analyze(r, params, {});
  const kb = records.reduce((a, r) => a + r.input.length + r.contexts.reduce((b, c) => b + c.length, 0), 0) / 1024;
  const started = cpuMs();
  for (const r of records) injectionAnalyzer.analyze(r, params, {});
  const ms = cpuMs() - started;
  return `${(ms / kb).toFixed(3)} ms CPU per KB, ${(ms / records.length).toFixed(2)} ms per record of 1 KB input + 3 x 1 KB contexts`;
}

/** Puts an attack string in the middle of a benign passage, the way BIPIA injects into emails and documents. */
function embed(passage: string, attack: string): string {
  const cut = passage.indexOf('. ', Math.floor(passage.length / 2));
  return cut < 0 ? `${passage} ${attack}` : `${passage.slice(0, cut + 2)}${attack} ${passage.slice(cut + 2)}`;
}

/** Attack i goes at the start, in the middle or at the end of a passage (in turn), as an instruction hidden in a document. */
function hide(passages: string[], attacks: string[]): string[] {
  return attacks.map((a, i) => {
    const p = passages[(i * 7 + 3) % passages.length]!;
    return i % 3 === 0 ? `${a} ${p}` : i % 3 === 1 ? embed(p, a) : `${p} ${a}`;
  });
}

const suite: EvalSuite = {
  name: 'injection',
  async run(evaldataDir) {
    const data = loadInjectionData(evaldataDir);
    const t = thresholds.injection;
    const rows: EvalRow[] = [];
    const neg = (texts: string[], f = scoreInput): Scored[] => texts.map((x) => ({ score: f(x), label: false }));
    const pos = (texts: string[], f = scoreInput): Scored[] => texts.map((x) => ({ score: f(x), label: true }));

    const notInject = neg(data.notInject);
    const wildTrain = neg(data.wildguard.filter(inTrainingHalf));
    const wildHeld = neg(data.wildguard.filter((x) => !inTrainingHalf(x)));
    const alpacaHeld = neg(data.alpaca.filter((x) => !inTrainingHalf(x)));
    const bipia = pos(data.bipia);
    const jbOld = pos(data.jailbreak.filter((j) => j.inOldRelease).map((j) => j.text));
    const jbNew = pos(data.jailbreak.filter((j) => !j.inOldRelease).map((j) => j.text));
    const pint = data.pint.map((p) => ({ score: scoreInput(p.text), label: p.label }));
    const forbidden = neg(data.forbidden);
    const passages = data.knowledge.slice(0, 250);
    const contextsBenign = neg(passages, scoreContext);
    const beginContexts = neg(data.beginKnowledge, scoreContext);
    const contextsInjected = pos(data.bipia.map((a, i) => embed(passages[i % Math.max(1, passages.length)] ?? '', a)), scoreContext);

    if (notInject.length) rows.push(row('NotInject benign with trigger words', 'out-of-source', notInject, t, 'held out; FPR is the over-defense rate'));
    if (wildHeld.length) rows.push(row('WildGuardTest benign (held-out half)', 'in-sample', wildHeld, t, 'FPR'));
    if (wildTrain.length) rows.push(row('WildGuardTest benign (training half)', 'in-sample', wildTrain, t, 'FPR, in-sample'));
    if (alpacaHeld.length) rows.push(row('HaluEval/Alpaca user queries (held-out half)', 'in-sample', alpacaHeld, t, 'FPR'));
    if (forbidden.length) rows.push(row('forbidden questions (harmful, no jailbreak wrapper)', 'in-sample', forbidden, t, 'FPR; not injections'));
    if (bipia.length) rows.push(row('BIPIA attacks as user input', 'in-sample', bipia, t, 'recall; the attack corpus and rules paraphrase BIPIA, so BIPIA counts as training data'));
    if (contextsInjected.length && passages.length) rows.push(row('BIPIA attacks inside a HaluEval passage (context)', 'in-sample', contextsInjected, t, 'recall on context_injection; BIPIA counts as training data'));
    if (contextsBenign.length) rows.push(row('HaluEval knowledge passages (context)', 'out-of-source', contextsBenign, t, 'FPR on context_injection'));
    if (beginContexts.length) rows.push(row('BEGIN knowledge passages (context)', 'out-of-source', beginContexts, t, 'FPR on context_injection; wiki, movie reviews, facts'));
    const trainingPassages = [...data.knowledge, ...data.beginKnowledge];
    if (trainingPassages.length) {
      const written = HIDDEN_INSTRUCTIONS.map((a, i) => { const p = trainingPassages[(i * 11 + 5) % trainingPassages.length]!; return i % 2 === 0 ? `${p} ${a}` : `${a} ${p}`; });
      rows.push(row('hidden instructions written for Assay in HaluEval/BEGIN passages (context)', 'in-sample', pos(written, scoreContext), t, 'recall; the reader-directed cues were checked on these (bench/eval/injection-hidden-instructions.ts)'));
    }
    // Instructions added to short task data and to emails, tables, code and notes (bench/eval/injection-attack-families.ts,
    // written here from Liu et al. 2024's attack styles): the dev half was read while writing the cues, the other was not.
    for (const half of ['dev', 'holdout'] as const) {
      const note = half === 'dev' ? 'recall; its misses were read while writing the 1.3.0 cues' : 'recall; written with the dev half, never read for tuning';
      rows.push(row(`instructions added to short task data, ${half} half (context)`, 'in-sample', pos(familyCases(half).map((c) => c.text), scoreContext), t, `${note}; naive, escape, context-ignoring, fake-completion and combined, at the start or end`));
      rows.push(row(`instructions in emails, tables, code and notes, ${half} half (context)`, 'in-sample', pos(carrierCases(half).map((c) => c.text), scoreContext), t, `${note}; start, middle or end`));
    }
    // Instructions in the signature, quoted reply, cells, comments, docstrings and JSON fields of emails, tables, code
    // and tool outputs (bench/eval/injection-carrier-families.ts, written for 1.4.0 before its cues; same halves).
    for (const half of ['dev', 'holdout'] as const) {
      const note = half === 'dev' ? 'recall; its misses may be read while writing the 1.4.0 cues' : 'recall; written with the dev half, never read for tuning';
      rows.push(row(`instructions in slots of emails, tables, code, tool outputs, ${half} half (context)`, 'in-sample', pos(carrierSlotCases(half).map((c) => c.text), scoreContext), t, `${note}; signature, quoted reply, cell, comment, docstring, JSON field, header, body`));
    }
    rows.push(row('instructions in slots, written after the 1.4.0 cues (context)', 'in-sample', pos(freshSlotCases().map((c) => c.text), scoreContext), t, 'recall; written here, never read for tuning or choosing'));
    rows.push(row('short task data, emails, tables, code written here, alone (context)', 'in-sample', neg([...BENIGN_SHORT], scoreContext), t, 'FPR'));
    rows.push(row('emails, tables, code, tool outputs written for 1.4.0, alone (context)', 'in-sample', neg([...BENIGN_CARRIER_EXTRAS, ...[...SLOTTED_DOCS.dev, ...SLOTTED_DOCS.holdout].map((d) => fillSlot(d, null, ''))], scoreContext), t, 'FPR; the context centre was chosen with these'));
    if (jbOld.length || jbNew.length) rows.push(row('JailbreakHub 2023-12-25, all', 'in-sample', [...jbOld, ...jbNew], t, `recall; ${jbOld.length} of these are training prompts`));
    if (jbNew.length) {
      rows.push(row('JailbreakHub prompts new since 2023-05-07', 'in-sample', jbNew, t, 'recall; held-out prompts of a training source'));
      // Many new prompts are edits of old ones; this row keeps only those unlike any training prompt.
      const newTexts = data.jailbreak.filter((j) => !j.inOldRelease).map((j) => j.text);
      const nearest = nearestCosine(newTexts, data.jailbreakOld);
      const distinct = jbNew.filter((_, i) => nearest[i]! < 0.8);
      rows.push(row('JailbreakHub new, no near-duplicate in training', 'in-sample', distinct, t, 'recall; held-out prompts of a training source; cosine to every training prompt < 0.8'));
    }
    // Instructions hidden in documents no part of the analyzer was built on, with wording it never saw.
    const unseen = data.unseenPassages;
    if (unseen.length) {
      // Injection 1.3.0 read the false positives of one hash half (bench/eval/injection-families.ts); the other stays unseen.
      rows.push(row('SummEdits + LFQA passages: emails, transcripts, chats, news, web pages (context)', 'out-of-source', neg(unseen, scoreContext), t, 'FPR on context_injection; both halves'));
      rows.push(row('SummEdits + LFQA passages, dev half (context)', 'in-sample', neg(unseen.filter(inTrainingHalf), scoreContext), t, 'FPR; its false positives were read while writing the 1.3.0 cues'));
      rows.push(row('SummEdits + LFQA passages, other half (context)', 'out-of-source', neg(unseen.filter((x) => !inTrainingHalf(x)), scoreContext), t, 'FPR; never read'));
      const pintAttacks = data.pint.filter((p) => p.label).map((p) => p.text);
      if (pintAttacks.length) {
        const hidden = pos(hide(unseen, pintAttacks), scoreContext);
        rows.push(row('PINT attacks hidden in SummEdits/LFQA passages (context)', 'out-of-source', hidden, t, 'recall; start, middle or end of the passage'));
        rows.push(row('PINT attacks hidden, against the never-read half of the passages (context)', 'out-of-source', [...hidden, ...neg(unseen.filter((x) => !inTrainingHalf(x)), scoreContext)], t, 'AUROC and the operating point on one out-of-source set'));
      }
      const shortNew = data.jailbreak.filter((j) => !j.inOldRelease && j.text.length <= 500).map((j) => j.text);
      if (shortNew.length) rows.push(row('JailbreakHub new prompts <= 500 chars hidden in SummEdits/LFQA passages (context)', 'in-sample', pos(hide(unseen, shortNew), scoreContext), t, 'recall; held-out prompts of a training source, in unseen passages'));
    }
    if (pint.length) rows.push(row('PINT slice of valid.json', 'out-of-source', pint, t, 'never trained or tuned on'));
    const benignAll = [...notInject, ...wildHeld, ...wildTrain];
    if (benignAll.length && (bipia.length || jbOld.length)) {
      rows.push(row('combined: BIPIA + JailbreakHub vs NotInject + WildGuard', 'in-sample', [...bipia, ...jbOld, ...jbNew, ...benignAll], t, 'all benign and malicious rows together'));
      rows.push(row('combined held-out only (BIPIA, JailbreakHub new, PINT, NotInject, held-out halves)', 'in-sample', [...bipia, ...jbNew, ...pint.filter((p) => p.label), ...notInject, ...wildHeld, ...alpacaHeld, ...pint.filter((p) => !p.label)], t, 'no text the model trained on'));
    }
    if (rows.length) rows[rows.length - 1]!.note += `; speed: ${timeRecords(data)}`;
    return { rows, skipped: data.skipped };
  },
};

export default suite;
