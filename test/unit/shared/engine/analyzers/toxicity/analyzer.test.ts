import { describe, it, expect } from 'vitest';
import { toxicityAnalyzer } from '../../../../../../shared/engine/analyzers/toxicity/index';
import { runAnalyzer } from '../../../../../../shared/engine/registry';
import { thresholds } from '../../../../../../shared/engine/thresholds';

const record = (output: string, input = '') => ({ input, output, contexts: [] });
const score = (output: string, params: unknown = {}): number => runAnalyzer(toxicityAnalyzer, record(output), params, {}).scores.toxicity!;

const POLITE = [
  "Thank you for contacting support! I'm sorry for the trouble. To reset your password, go to Settings > Security and click 'Reset password'.",
  'I understand your frustration. Your refund has been processed and should appear within 5-7 business days.',
  "I'm sorry, but I can't help with that request. Is there anything else I can do for you?",
  'To kill a hung process on Linux, find its PID with `ps aux` and run `kill -9 <pid>`.',
  'Our team will get back to you within 24 hours. Have a great day!',
  'Hello! How can I help you today?',
];

describe('toxicityAnalyzer', () => {
  it('keeps polite support answers far below the flag threshold', () => {
    for (const text of POLITE) expect(score(text)).toBeLessThan(thresholds.toxicity / 2);
  });

  it('flags insults, threats and slurs, also when disguised', () => {
    for (const text of [
      'You are a fucking idiot.',
      'Y0u ar3 a f*cking 1d10t',
      'ｙｏｕ ａｒｅ ａ ｐｉｅｃｅ ｏｆ ｓｈｉｔ',
      'I will find you and kill you',
      'shut up, you stupid moron',
      'go k i l l yourself',
    ]) {
      expect(score(text), text).toBeGreaterThanOrEqual(thresholds.toxicity);
    }
  });

  it('scores input and output separately and reports categories', () => {
    const finding = runAnalyzer(toxicityAnalyzer, record('I am sorry you feel that way. How can I help?', 'you useless piece of shit'), {}, {});
    expect(finding.scores.toxicity!).toBeLessThan(thresholds.toxicity);
    expect(finding.scores.input_toxicity!).toBeGreaterThanOrEqual(thresholds.toxicity);
    expect(finding.scores.insult).toBe(0);
    const threat = runAnalyzer(toxicityAnalyzer, record("I'm going to beat the shit out of you"), {}, {});
    expect(threat.scores.threat!).toBeGreaterThan(0.8);
    expect(threat.scores.profanity!).toBeGreaterThan(0.5);
  });

  it('puts spans on the offending words of the output, at exact offsets', () => {
    const output = 'Well, Y0u ar3 a f u c k i n g 1d10t, frankly.';
    const finding = runAnalyzer(toxicityAnalyzer, record(output), {}, {});
    expect(finding.spans.map((s) => [s.field, s.label, output.slice(s.start, s.end)])).toEqual([
      ['output', 'profanity', 'f u c k i n g'],
      ['output', 'insult', '1d10t'],
    ]);
  });

  it('can run on the lexicon alone', () => {
    const finding = runAnalyzer(toxicityAnalyzer, record('what a lovely day'), { useModel: false }, {});
    expect(finding.scores.toxicity).toBe(0);
    expect(finding.details?.['model']).toBeNull();
  });

  it('does not crash on empty, huge, emoji, control-character, surrogate or HTML input', () => {
    const inputs = [
      '',
      '😀👍🏽🔥',
      'a\u0000b\u0007\u001b[31m shit',
      '\ud800\udc00\ud800 lone \udfff',
      '<script>alert("you idiot")</script> &amp; &#128514;',
      'x'.repeat(1 << 20),
      'f*ck '.repeat(50_000),
      'a b '.repeat(250_000),
      'Thanks for your patience. '.repeat(40_000),
    ];
    for (const text of inputs) {
      const finding = runAnalyzer(toxicityAnalyzer, record(text, text), {}, {});
      expect(finding.scores.toxicity!).toBeGreaterThanOrEqual(0);
      expect(finding.scores.toxicity!).toBeLessThanOrEqual(1);
      for (const s of finding.spans) expect(s.end).toBeLessThanOrEqual(text.length);
    }
  });
});
