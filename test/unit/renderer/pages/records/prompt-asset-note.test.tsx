import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PromptAssetNote } from '../../../../../renderer/pages/records/prompt-asset-note';

const versions = [
  { assetId: 4, assetVersion: 1, promptVersion: 'v1.2', hasTemplate: true },
  { assetId: 5, assetVersion: 2, promptVersion: 'v1.4', hasTemplate: false },
];

describe('PromptAssetNote', () => {
  it('names the asset and its number beside the label the logs use', () => {
    const html = renderToStaticMarkup(<PromptAssetNote match={{ promptId: 'support-answer', promptVersion: 'v1.2', match: versions[0]!, versions }} />);
    expect(html).toContain('prompt asset #4 (support-answer v1, label v1.2, template stored)');
    const bare = renderToStaticMarkup(<PromptAssetNote match={{ promptId: 'support-answer', promptVersion: 'v1.4', match: versions[1]!, versions }} />);
    expect(bare).toContain('no template was logged');
  });

  it('explains a version no import stored', () => {
    const html = renderToStaticMarkup(<PromptAssetNote match={{ promptId: 'support-answer', promptVersion: 'v2', match: null, versions }} />);
    expect(html).toContain('no prompt asset holds this version (stored versions: v1.2, v1.4)');
  });
});
