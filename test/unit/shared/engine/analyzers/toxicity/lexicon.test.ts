import { describe, it, expect } from 'vitest';
import { hitLabel, matchLexicon } from '../../../../../../shared/engine/analyzers/toxicity/lexicon';
import { normalizeText } from '../../../../../../shared/text/normalize';

const labels = (text: string): string[] => matchLexicon(normalizeText(text)).map((h) => `${hitLabel(h)}:${h.term}`);

describe('matchLexicon', () => {
  it('finds words behind leetspeak, look-alikes, masks, stretching and spacing', () => {
    expect(labels('you st00pid 1d10t')).toEqual(['insult:idiot']); // "stoopid" is not listed; "1d10t" is
    expect(labels('ѕhіt')).toEqual(['profanity:shit']);
    expect(labels('what the f*ck')).toEqual(['profanity:f*ck']);
    expect(labels('fuuuuuck')).toEqual(['profanity:fuuck']);
    expect(labels('f u c k')).toEqual(['profanity:fuck']);
    expect(labels('#clusterfuck')).toEqual(['profanity:clusterfuck']);
  });

  it('weighs insults aimed at "you" more', () => {
    const aimed = matchLexicon('you idiot')[0]!.weights.insult!;
    const loose = matchLexicon('an idiot proof design')[0]!.weights.insult!;
    expect(aimed).toBeGreaterThan(loose);
  });

  it('finds threats, self-harm, identity attacks and sexual harassment as phrases', () => {
    expect(labels('I am going to kill you')).toContain('threat:i am going to kill you');
    expect(labels('go kill yourself')).toContain('self_harm:go kill yourself');
    expect(labels('i want to die')).toEqual(['self_harm:want to die']);
    expect(labels('immigrants are vermin')).toContain('identity_attack:immigrants are vermin');
    expect(labels('send nudes')).toContain('sexual:send nudes');
  });

  it('leaves innocent uses alone', () => {
    for (const text of [
      'Kill the process with kill -9 and restart the server.',
      'Guinea pigs and Scunthorpe United fans graduated magna cum laude.',
      'Be careful not to cut yourself; you could shoot yourself in the foot with this API.',
      'Homo sapiens evolved in Africa. Try jerk chicken with crackers.',
      'The service should die gracefully after a timeout.',
      'Muslims, Jews and Christians celebrate different holidays.',
    ]) {
      expect(labels(text)).toEqual([]);
    }
  });
});
