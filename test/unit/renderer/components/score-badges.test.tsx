import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordScores } from '../../../../shared/contract/analysis-schemas';
import { FlagChips, ScorePill } from '../../../../renderer/components/score-badges';

const scores = (flags: RecordScores['flags']): RecordScores => ({
  grounding: 0.1, answerRelevance: null, contextRelevance: null, toxicity: 0.9, inputToxicity: null, injection: 0.9,
  contextInjection: null, pii: 2, flags,
});

describe('flag chips', () => {
  it('lists flags in a fixed order whatever order the record holds them in', () => {
    const html = renderToStaticMarkup(<FlagChips scores={scores(['pii', 'hallucination'])} />);
    expect(html.indexOf('data-flag="hallucination"')).toBeLessThan(html.indexOf('data-flag="pii"'));
    expect(html).toContain('>Hallucination<');
  });

  it('folds flags a table cell has no room for into a chip that names them', () => {
    const html = renderToStaticMarkup(<FlagChips scores={scores(['hallucination', 'toxic', 'injection'])} short />);
    expect(html).toContain('data-flag="hallucination"');
    expect(html).toContain('data-flags="toxic injection"');
    expect(html).toContain('title="Toxic, Injection"');
    expect(html).toContain('>+2<');
  });

  it('tells "not analyzed" apart from "analyzed, nothing flagged"', () => {
    expect(renderToStaticMarkup(<FlagChips scores={null} />)).toContain('Not analyzed yet');
    expect(renderToStaticMarkup(<FlagChips scores={scores([])} />)).toContain('none');
  });
});

describe('score pill', () => {
  it('carries its tone for styling and tests', () => {
    expect(renderToStaticMarkup(<ScorePill kind="grounding" value={0.1} />)).toContain('data-tone="bad"');
    expect(renderToStaticMarkup(<ScorePill kind="pii" value={0} />)).toContain('>0<');
  });
});
