import type { PromptMatch } from '../../../shared/contract/import-schemas';
import { VisibleText } from '../../components/visible-text';

/**
 * Names the prompt asset behind a record's prompt version. Prompt assets are numbered v1, v2, v3 in import order
 * while logs carry their own labels (v1.2, v1.3...), so the note says which asset holds which label, or why
 * there is none.
 */
export function PromptAssetNote({ match }: { match: PromptMatch }) {
  const m = match.match;
  if (m) {
    return (
      <span className="muted" data-testid="record-prompt-asset">
        {' '}· prompt asset #{m.assetId} (<VisibleText text={match.promptId} /> v{m.assetVersion}, label <VisibleText text={m.promptVersion ?? '(none)'} />
        {m.hasTemplate ? ', template stored' : ', no template was logged'})
      </span>
    );
  }
  const others = match.versions.map((v) => v.promptVersion ?? '(none)');
  return (
    <span className="muted" data-testid="record-prompt-asset">
      {' '}· no prompt asset holds this version{others.length > 0 ? <> (stored versions: <VisibleText text={others.join(', ')} />)</> : null}: the logs name it, but no
      import stored a prompt for it
    </span>
  );
}
