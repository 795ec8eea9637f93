import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../../../main/storage/write-gate';

describe('WriteGate', () => {
  it('is idle until held, wakes waiters only when the last holder releases, and ignores a double release', async () => {
    const gate = new WriteGate();
    await gate.idle();
    const a = gate.hold('the import of logs');
    const b = gate.hold('the import of kb');
    expect(gate.busy).toBe(true);
    let woke = false;
    const waiting = gate.idle().then(() => { woke = true; });
    a();
    a();
    await Promise.resolve();
    expect(woke).toBe(false);
    expect(gate.busy).toBe(true);
    b();
    await waiting;
    expect(woke).toBe(true);
    expect(gate.holder).toBeNull();
  });
});
