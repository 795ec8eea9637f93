import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyChain } from '../../../../main/storage/audit-chain';
import { createWorkspace, type Workspace } from '../../../../main/storage/workspace';
import { useTempDir } from '../../../helpers/tmp';
import { dropAuditTriggers } from '../../../helpers/audit-tamper';

const tmp = useTempDir();

function workspaceWithEntries(n: number): Workspace {
  const ws = createWorkspace(path.join(tmp(), 'ws'));
  for (let i = 0; i < n; i++) appendAudit(ws.db, { actor: 'tester', action: 'test.step', payload: { i, note: `step ${i}` } });
  return ws;
}

describe('audit chain', () => {
  it('is intact after appends, and links each entry to the one before', () => {
    const ws = workspaceWithEntries(5);
    const status = verifyChain(ws.db);
    expect(status).toMatchObject({ ok: true, length: 6, firstBadSeq: null });
    const rows = ws.db.prepare('SELECT prev_hash, hash FROM audit_log ORDER BY seq').all() as { prev_hash: string; hash: string }[];
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(status.headHash).toBe(rows.at(-1)!.hash);
    ws.close();
  });

  it.each([
    ['payload', "UPDATE audit_log SET payload = replace(payload, 'step 2', 'step X') WHERE seq = 4"],
    ['actor', "UPDATE audit_log SET actor = 'mallory' WHERE seq = 4"],
    ['timestamp', "UPDATE audit_log SET at = '2001-01-01T00:00:00.000Z' WHERE seq = 4"],
    ['action', "UPDATE audit_log SET action = 'other' WHERE seq = 4"],
  ])('names the first edited entry when its %s is changed by hand', (_field, sql) => {
    const ws = workspaceWithEntries(5);
    dropAuditTriggers(ws.db);
    ws.db.prepare(sql).run();
    expect(verifyChain(ws.db)).toMatchObject({ ok: false, firstBadSeq: 4 });
    ws.close();
  });

  it('detects a deleted entry and a re-hashed entry that no longer links', () => {
    const ws = workspaceWithEntries(5);
    dropAuditTriggers(ws.db);
    ws.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(verifyChain(ws.db)).toMatchObject({ ok: false, firstBadSeq: 4 });
    ws.close();
    const ws2 = workspaceWithEntries(5);
    dropAuditTriggers(ws2.db);
    // An attacker who recomputes one entry's hash still breaks the next entry's link.
    ws2.db.prepare("UPDATE audit_log SET hash = 'f00' || substr(hash, 4) WHERE seq = 2").run();
    expect(verifyChain(ws2.db)).toMatchObject({ ok: false, firstBadSeq: 2 });
    ws2.close();
  });

  it('refuses UPDATE and DELETE on audit_log in SQLite itself (append-only)', () => {
    const ws = workspaceWithEntries(2);
    expect(() => ws.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run()).toThrow(/append-only: UPDATE refused/);
    expect(() => ws.db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only: DELETE refused/);
    expect(() => ws.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(verifyChain(ws.db)).toMatchObject({ ok: true, length: 3 });
    appendAudit(ws.db, { actor: 'tester', action: 'test.after', payload: null });
    expect(verifyChain(ws.db)).toMatchObject({ ok: true, length: 4 });
    ws.close();
  });

  it('writes the audit entry in the same transaction as the change it records', () => {
    const ws = workspaceWithEntries(0);
    expect(() => ws.mutate('asset.test', (db) => {
      db.prepare("INSERT INTO assets (kind, name, version, sha256, created_at) VALUES ('logs', 'a', 1, 'x', 'now')").run();
      throw new Error('boom');
    }, () => ({}))).toThrow('boom');
    expect(ws.db.prepare('SELECT count(*) FROM assets').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    ws.mutate('asset.test', (db) => db.prepare("INSERT INTO assets (kind, name, version, sha256, created_at) VALUES ('logs', 'a', 1, 'x', 'now')").run(), () => ({ name: 'a' }));
    expect(ws.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('asset.test');
    expect(verifyChain(ws.db).ok).toBe(true);
    ws.close();
  });
});
