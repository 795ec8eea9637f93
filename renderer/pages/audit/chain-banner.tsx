import type { ChainStatus } from '../../../shared/contract/schemas';
import { icons } from '../../components/icons';
import { formatCount } from '../../format/format';

/** The verdict of audit.verify, worded for an auditor: what was checked and, if broken, where. */
export function ChainBanner({ status, verifying, onVerify }: { status: ChainStatus; verifying: boolean; onVerify: () => void }) {
  const tone = status.ok ? 'banner-success' : 'banner-error';
  return (
    <div className={`banner chain-banner ${tone}`} data-testid="chain-status" data-chain-ok={String(status.ok)} role="status">
      {status.ok ? icons.check : icons.alert}
      <div className="banner-text">
        {status.ok ? (
          <>
            <strong>Chain intact.</strong>{' '}
            {status.length === 0
              ? 'The audit log is empty.'
              : <>All {formatCount(status.length)} entries recomputed; each holds the hash of the one before.</>}
            {status.headHash ? (
              <div className="chain-head">Head hash <code className="hash" title={status.headHash}>{status.headHash}</code></div>
            ) : null}
          </>
        ) : (
          <>
            <strong>Chain broken at entry #{status.firstBadSeq ?? '?'}.</strong>{' '}
            {sentence(status.reason ?? 'An entry no longer matches its hash')} Entries from there on cannot be trusted.
          </>
        )}
      </div>
      <button type="button" className="button button-small" onClick={onVerify} disabled={verifying} data-testid="chain-verify">
        {icons.refresh}
        {verifying ? 'Verifying…' : 'Verify again'}
      </button>
    </div>
  );
}

function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
