import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChainBanner } from '../../../../../renderer/pages/audit/chain-banner';

const noop = () => undefined;

describe('ChainBanner', () => {
  it('reports an intact chain with its length and head hash', () => {
    const head = 'ab'.repeat(32);
    const html = renderToStaticMarkup(<ChainBanner status={{ ok: true, length: 1234, headHash: head, firstBadSeq: null, reason: null }} verifying={false} onVerify={noop} />);
    expect(html).toContain('data-chain-ok="true"');
    expect(html).toContain('Chain intact.');
    expect(html).toContain('1,234 entries');
    expect(html).toContain(head);
  });

  it('names the first bad entry and the reason when the chain is broken', () => {
    const html = renderToStaticMarkup(<ChainBanner status={{ ok: false, length: 40, headHash: null, firstBadSeq: 17, reason: 'hash mismatch' }} verifying={false} onVerify={noop} />);
    expect(html).toContain('data-chain-ok="false"');
    expect(html).toContain('Chain broken at entry #17.');
    expect(html).toContain('hash mismatch. Entries from there on cannot be trusted.');
  });
});
