// Long summaries made from SummEdits: an outside benchmark of news summaries (several sentences each, every one a
// claim) saw 76% of faithful summaries flagged, where one weak claim among many sank the whole summary. SummEdits
// summaries are one to three sentences, so this joins five of them, each judged against its own document, into one
// record whose contexts are the five documents: faithful when all five are, unfaithful when one of them is (the
// other four stay faithful). It measures how the record's score combines many claims, not claim checking itself.
import type { LabeledRecord } from './grounding.eval';

const PER_RECORD = 5;
const ROTATIONS = 4;

/** Joined records from SummEdits records (dataset summedits-*), deterministic: documents in load order. */
export function joinedSummaries(summaries: readonly LabeledRecord[]): LabeledRecord[] {
  const byDoc = new Map<string, { faithful: LabeledRecord[]; unfaithful: LabeledRecord[] }>();
  for (const r of summaries) {
    const doc = byDoc.get(r.group) ?? { faithful: [], unfaithful: [] };
    (r.hallucinated ? doc.unfaithful : doc.faithful).push(r);
    byDoc.set(r.group, doc);
  }
  const docs = [...byDoc.values()].filter((d) => d.faithful.length > 0 && d.unfaithful.length > 0);
  const out: LabeledRecord[] = [];
  // Each rotation starts the groups of five one document later and takes each document's next summaries, so a
  // document meets other companions and other wordings of its summary.
  for (let rotation = 0; rotation < ROTATIONS; rotation++) {
    for (let i = rotation; i + PER_RECORD <= docs.length; i += PER_RECORD) {
      const chunk = docs.slice(i, i + PER_RECORD);
      const pick = (list: LabeledRecord[]): LabeledRecord => list[rotation % list.length]!;
      const join = (parts: LabeledRecord[]): LabeledRecord['record'] => ({
        input: 'Summarize the documents.',
        output: parts.map((p) => (p.record.output as string).trim()).join(' '),
        contexts: parts.flatMap((p) => p.record.contexts),
      });
      const faithful = chunk.map((d) => pick(d.faithful));
      const oneBad = [pick(chunk[0]!.unfaithful), ...faithful.slice(1)];
      out.push({ dataset: 'summedits-joined', group: `joined:${rotation}:${i}`, record: join(faithful), hallucinated: false });
      out.push({ dataset: 'summedits-joined', group: `joined:${rotation}:${i}`, record: join(oneBad), hallucinated: true });
    }
  }
  return out;
}
