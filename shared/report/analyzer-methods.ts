// What each analyzer does and its measured accuracy, for the report's Methods section. The figures are the
// dev-set measurements published in each analyzer's README (`npm run eval`); an analyzer without published
// figures says so rather than quoting none as if it were zero.
export interface MethodText {
  description: string;
  accuracy: { dataset: string; metric: string; value: number }[];
  accuracyNote: string;
}

export const ANALYZER_METHODS: Readonly<Record<string, MethodText>> = {
  grounding: {
    description: 'Splits the answer into claims and checks each against the record\'s contexts and the knowledge-base index: content overlap, '
      + 'unsupported numbers and names, negation and antonym conflicts and character n-gram similarity, combined by a logistic model. No LLM judge.',
    accuracy: [
      { dataset: 'QA (HaluEval), out-of-source: family left out of fitting, model form and threshold', metric: 'AUROC', value: 0.994 },
      { dataset: 'dialogue (BEGIN), out-of-source', metric: 'AUROC', value: 0.897 },
      { dataset: 'long-form QA (LFQA-Verification), out-of-source', metric: 'AUROC', value: 0.918 },
      { dataset: 'summaries (SummEdits), out-of-source', metric: 'AUROC', value: 0.626 },
    ],
    accuracyNote: 'Grounding 1.7.0 (flag cut-off per record shape, chosen on training sources), `npm run eval -- grounding-loso`; figures from shared/engine/analyzers/grounding/README.md.',
  },
  toxicity: {
    description: 'An obfuscation-robust lexicon combined with a logistic model over hashed word and character n-grams and GloVe word vectors.',
    accuracy: [
      { dataset: 'Davidson, out-of-source (left out of training)', metric: 'AUROC', value: 0.951 },
      { dataset: 'HateXplain, out-of-source', metric: 'AUROC', value: 0.729 },
      { dataset: 'OLID, out-of-source', metric: 'AUROC', value: 0.780 },
      { dataset: 'ToxiGen, out-of-source', metric: 'AUROC', value: 0.766 },
    ],
    accuracyNote: 'Toxicity 2.4.0 (2.3.0 model; lexicon adds harassment plans, eating-disorder encouragement, explicit sexual talk), leave-one-source-out (`npx tsx bench/eval/toxicity-loso.ts`); figures from shared/engine/analyzers/toxicity/README.md.',
  },
  pii: {
    description: 'Detects emails, phone numbers, Luhn-checked card numbers, mod-97 IBANs, SSNs, IP addresses, API keys and secrets, '
      + 'names and postal addresses with patterns, checksums and context cues.',
    accuracy: [
      { dataset: 'presidio synth dev, templates held out from the 2.1.0-2.3.0 rules (in-sample: earlier rules saw the file)', metric: 'span F2', value: 0.836 },
      { dataset: 'presidio synth dev, templates the 2.1.0-2.3.0 rules were written from (in-sample)', metric: 'span F2', value: 0.922 },
      { dataset: 'pii-templates-world, held-out families written here and never read for rules (out-of-source)', metric: 'span F2', value: 0.886 },
      { dataset: 'pii-templates, sentences written here (in-sample)', metric: 'span F2', value: 0.980 },
    ],
    accuracyNote: 'PII 2.3.0, `npm run eval -- pii` (typed spans, IoU >= 0.5, gold merged as presidio-evaluator does); figures from shared/engine/analyzers/pii/README.md. The only out-of-source figure is on template families written by the same hand.',
  },
  injection: {
    description: 'Multilingual attack patterns, decoding of hidden payloads (base64, escapes), similarity to an attack corpus and a hashed n-gram model, '
      + 'on the user input and on retrieved contexts (indirect injection), where sentences giving orders to the reader are also found by their shape.',
    accuracy: [
      { dataset: 'PINT attacks hidden in SummEdits/LFQA passages, out-of-source (1.4% of 994 never-read benign passages flagged)', metric: 'recall', value: 0.75 },
      { dataset: 'PINT prompts as user input, out-of-source', metric: 'AUROC', value: 0.938 },
    ],
    accuracyNote: 'Injection 1.4.0 (`npm run eval -- injection`); figures from shared/engine/analyzers/injection/README.md.',
  },
};

export function methodText(analyzerId: string): MethodText {
  return ANALYZER_METHODS[analyzerId] ?? { description: 'Analyzer registered in this build.', accuracy: [], accuracyNote: 'No published dev-set figure.' };
}
