import { useApi } from '../../hooks/use-api';
import { PromptAssetNote } from './prompt-asset-note';

/** Looks up the prompt asset for a record's prompt id and version label. */
export function RecordPromptAsset({ promptId, promptVersion }: { promptId: string; promptVersion: string | null }) {
  const match = useApi('prompts.match', { promptId, promptVersion });
  return match.data && match.current ? <PromptAssetNote match={match.data} /> : null;
}
