import type { ChainStatus } from '../../../shared/contract/schemas';
import { Badge } from '../../components/badge';

export function ChainBadge({ status }: { status: ChainStatus }) {
  return status.ok
    ? <Badge tone="success">Intact</Badge>
    : <Badge tone="danger" title={status.reason ?? undefined}>Broken at #{status.firstBadSeq ?? '?'}</Badge>;
}
