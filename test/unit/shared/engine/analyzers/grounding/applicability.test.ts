import { describe, expect, it } from 'vitest';
import type { AnalyzerContext, Evidence } from '../../../../../../shared/engine/analyzer';
import { analyzeGrounding, type ClaimResult } from '../../../../../../shared/engine/analyzers/grounding/analyze';
import { isToolCallLine, outputNotApplicable } from '../../../../../../shared/engine/analyzers/grounding/applicability';
import { GroundingParams } from '../../../../../../shared/engine/analyzers/grounding/params';
import { thresholds } from '../../../../../../shared/engine/thresholds';

const params = GroundingParams.parse({});
const kbChunk = 'Smart Plug setup: hold the button for five seconds until the light blinks blue, then pair it in the app.';
// An unrelated KB: anything it "finds" for a tool call or a poem would be a meaningless score.
const kb: AnalyzerContext = {
  searchKb: (): Evidence[] => [{ source: 'kb', ref: '7', name: 'plugs.md › Setup', text: kbChunk, score: 0.4 }],
};

function grounding(output: string, contexts: string[] = [], ctx: AnalyzerContext = kb) {
  return analyzeGrounding({ input: 'question', output, contexts }, params, ctx);
}

const claimsOf = (details: Record<string, unknown> | undefined): ClaimResult[] => (details?.claims ?? []) as ClaimResult[];

describe('grounding applicability', () => {
  it('recognises tool-call lines as agent traces render them', () => {
    expect(isToolCallLine('[tool call] get_weather({"city":"Leeds"})')).toBe(true);
    expect(isToolCallLine('  [Tool Call] crm.lookup({"id": 4})  ')).toBe(true);
    expect(isToolCallLine('{"name": "get_weather", "arguments": {"city": "Leeds"}}')).toBe(true);
    expect(isToolCallLine('The tool call get_weather failed (timeout).')).toBe(false);
    expect(outputNotApplicable('[tool call] a({})\n[tool call] b({"x":1})')).toBe('tool-calls');
    expect(outputNotApplicable('  \n ')).toBe('empty-output');
    expect(outputNotApplicable('[tool call] a({})\nThe forecast is rain.')).toBeNull();
  });

  it('gives tool calls, empty outputs and refusals a null grounding with the reason, even with a KB attached', () => {
    for (const [output, why] of [
      ['[tool call] get_pun_suggestion({"topic":"programming"})', 'tool-calls'],
      ['[tool call] get_weather({"city":"Leeds"})\n[tool call] get_forecast({"city":"Leeds","days":3})', 'tool-calls'],
      ['', 'empty-output'],
      ["I'm sorry, but I can't help with that.", 'no-claims'],
      ['Thanks for reaching out! Is there anything else I can help with?', 'no-claims'],
    ] as const) {
      const out = grounding(output, ['Returns are accepted within 30 days of delivery.']);
      expect(out.scores.grounding, output).toBeNull();
      expect(out.details?.notApplicable, output).toBe(why);
      expect(out.explanation, output).toMatch(/^Not applicable/);
      expect(out.spans).toEqual([]);
    }
  });

  it('is null for a record without contexts when no KB is used for it, and grounds it when one is', () => {
    const poem = 'Leaves drift on cold wind / the old maple lets them go / quiet ground below';
    const alone = grounding(poem, [], {});
    expect(alone.scores.grounding).toBeNull();
    expect(alone.details?.notApplicable).toBe('no-evidence');
    const bound = grounding('Hold the button for five seconds until the light blinks blue.', []);
    expect(bound.scores.grounding).toBeGreaterThan(thresholds.grounding);
    const evidence = claimsOf(bound.details)[0]?.evidence;
    expect(evidence).toMatchObject({ source: 'kb', ref: '7', name: 'plugs.md › Setup', relation: 'supports' });
  });

  it('checks the prose around tool calls, with offsets into the original output', () => {
    const output = '[tool call] lookup({"order":1})\nReturns are accepted within 30 days of delivery.';
    const out = grounding(output, ['Returns are accepted within 30 days of delivery.'], {});
    const claims = claimsOf(out.details);
    expect(claims).toHaveLength(1);
    expect(output.slice(claims[0]!.start, claims[0]!.end)).toBe(claims[0]!.text);
    expect(claims[0]!.text).toMatch(/^Returns/);
    expect(out.scores.grounding).toBeGreaterThan(0.9);
  });
});

describe('grounding conflicts with the record\'s own context', () => {
  const context = 'Returns are accepted within 30 days of delivery, and holiday purchases until January 31.';

  it('flags a number its own context states differently, and links that context as contradicting evidence', () => {
    const out = grounding('The return window is 14 days from delivery.', [context]);
    expect(out.scores.grounding).toBeLessThan(thresholds.grounding);
    const [claim] = claimsOf(out.details);
    expect(claim?.label).toBe('contradicted');
    expect(claim?.evidence).toMatchObject({ source: 'context', ref: '0', relation: 'contradicts' });
    expect(claim?.failed).toContainEqual(expect.objectContaining({ kind: 'number-conflict', text: '14', evidence: '30' }));
    expect(out.explanation).toContain('"14" where its context says "30"');
  });

  it('keeps the conflict in a longer answer whose other claims are supported', () => {
    const answer = 'Returns are accepted within 30 days of delivery. Holiday purchases can be returned until January 31. '
      + 'The normal return window is 14 days.';
    const out = grounding(answer, [context]);
    expect(out.scores.grounding).toBeLessThan(thresholds.grounding);
    expect(claimsOf(out.details).filter((c) => c.label === 'contradicted')).toHaveLength(1);
  });

  it('reads durations in different units as one slot', () => {
    const out = grounding('Refunds reach your card within one hour.', ['Refunds reach your card in 5 to 7 business days.']);
    expect(claimsOf(out.details)[0]).toMatchObject({ label: 'contradicted', evidence: { relation: 'contradicts' } });
  });

  it('does not call a different number in another slot a conflict', () => {
    const out = grounding('Returns are accepted within 30 days of delivery.', ['Returns are accepted within 30 days of delivery; refunds take 5 business days.']);
    expect(claimsOf(out.details).every((c) => c.label === 'supported')).toBe(true);
  });

  it('flags a name its own context states differently in the same slot', () => {
    const out = grounding('The company was founded by Maria Lopez in 2004.', ['The company was founded by Anna Berg in 2004 in Oslo.']);
    const [claim] = claimsOf(out.details);
    expect(claim?.label).toBe('contradicted');
    expect(claim?.failed.some((i) => i.kind === 'entity-conflict')).toBe(true);
  });

  it('prefers the record\'s own context over a KB chunk for a claim the context supports', () => {
    const out = grounding('Returns are accepted within 30 days of delivery.', [context]);
    expect(claimsOf(out.details)[0]?.evidence).toMatchObject({ source: 'context', relation: 'supports' });
  });

  it('says in its explanation the same claim counts a reader sees', () => {
    const out = grounding('Thanks for asking! The return window is 14 days. Returns are accepted within 30 days of delivery.', [context]);
    const claims = claimsOf(out.details);
    const checked = claims.filter((c) => c.checkable).length;
    const bad = claims.filter((c) => c.label === 'unsupported' || c.label === 'contradicted').length;
    expect(out.explanation.startsWith(`${bad} of ${checked} claim`)).toBe(true);
  });
});
