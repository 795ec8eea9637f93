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
      { dataset: 'HaluEval QA one-turn, held-out 40%', metric: 'AUROC', value: 0.987 },
      { dataset: 'BEGIN dev, held-out 40%', metric: 'AUROC', value: 0.908 },
      { dataset: 'BEGIN dev, held-out 40%', metric: 'precision at threshold', value: 0.973 },
      { dataset: 'BEGIN dev, held-out 40%', metric: 'recall at threshold', value: 0.783 },
    ],
    accuracyNote: 'Dev-set figures from shared/engine/analyzers/grounding/README.md.',
  },
  toxicity: {
    description: 'An obfuscation-robust lexicon combined with a hashed word and character n-gram logistic model.',
    accuracy: [
      { dataset: 'Davidson held-out 20%', metric: 'AUROC', value: 0.981 },
      { dataset: 'Davidson held-out 20%', metric: 'precision at 0.5', value: 0.979 },
      { dataset: 'Davidson held-out 20%', metric: 'recall at 0.5', value: 0.962 },
      { dataset: 'Davidson held-out 20%, obfuscated', metric: 'AUROC', value: 0.969 },
    ],
    accuracyNote: 'Dev-set figures from shared/engine/analyzers/toxicity/README.md.',
  },
  pii: {
    description: 'Detects emails, phone numbers, Luhn-checked card numbers, mod-97 IBANs, SSNs, IP addresses, API keys and secrets, '
      + 'names and postal addresses with patterns, checksums and context cues.',
    accuracy: [],
    accuracyNote: 'No published dev-set figure; run `npm run eval -- pii` for span precision and recall on the labelled set.',
  },
  injection: {
    description: 'Multilingual attack patterns, decoding of hidden payloads (base64, escapes), similarity to an attack corpus and a hashed n-gram model, '
      + 'on the user input and on retrieved contexts (indirect injection).',
    accuracy: [],
    accuracyNote: 'No published dev-set figure; run `npm run eval -- injection` for AUROC and precision/recall at the threshold.',
  },
};

export function methodText(analyzerId: string): MethodText {
  return ANALYZER_METHODS[analyzerId] ?? { description: 'Analyzer registered in this build.', accuracy: [], accuracyNote: 'No published dev-set figure.' };
}
