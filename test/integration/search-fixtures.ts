import path from 'node:path';
import { insertAsset } from '../../main/storage/assets-repo';
import { kbWriters } from '../../main/storage/kb-repo';
import { recordInserter } from '../../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';

/** A small support-desk knowledge base: each document has a distinct topic so a search has one right answer. */
export const KB_DOCS: { docId: string; title: string; chunks: string[] }[] = [
  { docId: 'password-reset', title: 'Resetting your password', chunks: [
    'To reset your password, open Settings, choose Security and click "Forgot password". A reset link is emailed to you.',
    'Password reset links expire after 30 minutes. Request a new link if yours has expired.'] },
  { docId: 'refund-policy', title: 'Refund policy', chunks: [
    'Refunds are issued to the original payment method within 14 days of receiving the returned item.',
    'Items bought on clearance cannot be refunded, only exchanged for store credit.'] },
  { docId: 'shipping-times', title: 'Shipping times', chunks: [
    'Standard shipping takes 3 to 5 business days; express shipping arrives the next business day.',
    'International parcels clear customs in 7 to 10 days depending on the destination country.'] },
  { docId: 'battery-care', title: 'Battery care', chunks: [
    'Lithium batteries last longest when kept between 20 and 80 percent charge and away from heat.',
    'Replace a swollen battery immediately and never charge it overnight unattended.'] },
  { docId: 'camera-firmware', title: 'Updating camera firmware', chunks: [
    'Update the camera firmware from the mobile app: tap the camera, open Device info and choose Update firmware.',
    'Do not unplug the camera while the firmware update runs; the status light blinks blue until it finishes.'] },
  { docId: 'wifi-setup', title: 'Connecting the hub to Wi-Fi', chunks: [
    'The hub supports 2.4 GHz Wi-Fi networks only. Hold the pairing button for five seconds to enter setup mode.'] },
  { docId: 'warranty', title: 'Warranty', chunks: [
    'Every device carries a two-year limited warranty covering manufacturing defects, not accidental damage.'] },
  { docId: 'data-export', title: 'Exporting your data', chunks: [
    'Export your account data as a ZIP archive from Privacy settings; the download link stays valid for seven days.'] },
];

export interface FixtureRecord {
  input: string;
  output: string;
  model: string;
  timestamp: string;
}

const TOPICS = [
  ['How do I reset my password?', 'Use the Forgot password link under Settings > Security.'],
  ['When will my refund arrive?', 'Refunds reach your card within 14 days after we receive the item.'],
  ['How long does express shipping take?', 'Express shipping arrives the next business day.'],
  ['My camera firmware update is stuck', 'Keep the camera plugged in until the blue light stops blinking.'],
  ['Can the hub use 5 GHz Wi-Fi?', 'No, the hub only supports 2.4 GHz networks.'],
  ['Is water damage covered by the warranty?', 'No, the warranty covers manufacturing defects only.'],
] as const;

/** Records cycling through the topics, two models, one per day from 2024-01-01. */
export function fixtureRecords(count: number): FixtureRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const [q, a] = TOPICS[i % TOPICS.length]!;
    const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString();
    return { input: `${q} (ticket ${i})`, output: a, model: i % 2 === 0 ? 'model-a' : 'model-b', timestamp: day };
  });
}

export function addKb(ws: Workspace, name = 'support-kb', docs = KB_DOCS): number {
  return ws.mutate('test.kb', (db) => {
    const id = insertAsset(db, { kind: 'kb', name, version: 1 + (db.prepare("SELECT count(*) AS n FROM assets WHERE kind = 'kb' AND name = ?").get(name) as { n: number }).n, sha256: `sha-${name}-${Date.now()}-${Math.random()}`, sourcePath: null });
    const w = kbWriters(db, id);
    for (const d of docs) {
      const text = d.chunks.join('\n\n');
      w.document({ docId: d.docId, title: d.title, sha256: `doc-${d.docId}`, charCount: text.length });
      let offset = 0;
      d.chunks.forEach((chunk, i) => {
        w.chunk({ docId: d.docId, title: d.title, chunkIndex: i, startOffset: offset, endOffset: offset + chunk.length, text: chunk });
        offset += chunk.length + 2;
      });
    }
    return id;
  }, (id) => ({ assetId: id }));
}

export function addRecords(ws: Workspace, records: readonly FixtureRecord[], name = 'logs'): number {
  return ws.mutate('test.records', (db) => {
    const id = insertAsset(db, { kind: 'logs', name, version: 1 + (db.prepare("SELECT count(*) AS n FROM assets WHERE kind = 'logs' AND name = ?").get(name) as { n: number }).n, sha256: `sha-${name}-${Date.now()}-${Math.random()}`, sourcePath: null });
    const insert = recordInserter(db, id);
    for (const r of records) insert({ input: r.input, output: r.output, model: r.model, timestamp: r.timestamp, contexts: [], metadata: {} });
    return id;
  }, (id) => ({ assetId: id }));
}

export function newWorkspace(dir: string): Workspace {
  return createWorkspace(path.join(dir, 'ws'));
}

const WORDS = ('account alarm antenna app battery bill button cable camera card charge cloud code color cost cover data date ' +
  'delay device display door email error export fan file filter firmware flash garage guest hub invoice key lamp laptop ' +
  'leak light lock login meter motion network night notice order outlet password payment phone plan plug port power ' +
  'price printer profile receipt refund reset router schedule screen sensor server setting shipping signal siren speaker ' +
  'storage subscription switch tablet thermostat ticket timer token update upload usage valve video voice wallet warranty ' +
  'water wifi window zone').split(' ');

/** Distinct records made of seeded random word combinations: no two alike, so an HNSW graph is searched for real. */
export function diverseRecords(count: number, seed = 1): FixtureRecord[] {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    input: `${word()} ${word()} ${word()} ${word()} question ${i}`,
    output: `${word()} ${word()} ${word()} ${word()} ${word()}`,
    model: i % 3 === 0 ? 'model-a' : 'model-b',
    timestamp: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
  }));
}
