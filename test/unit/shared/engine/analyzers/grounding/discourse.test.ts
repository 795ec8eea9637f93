import { describe, expect, it } from 'vitest';
import { discourseSpans, type DiscourseAct } from '../../../../../../shared/engine/analyzers/grounding/discourse';

/** The text left once discourse spans are cut out, with runs of spaces and punctuation collapsed. */
function rest(text: string): string {
  let out = '';
  let at = 0;
  for (const s of discourseSpans(text)) {
    out += `${text.slice(at, s.start)} `;
    at = s.end;
  }
  out += text.slice(at);
  return out.replace(/[\s,.!?:;()]+/g, ' ').trim();
}

const acts = (text: string): DiscourseAct[] => discourseSpans(text).map((s) => s.act);

describe('discourseSpans', () => {
  it('sets aside whole pleasantries, offers of help, apologies and meta statements', () => {
    for (const text of [
      'Let me know if you have any other questions!', 'Great question!', 'Thanks for reaching out.', 'Happy to help.',
      'I hope this helps', "Feel free to follow up if that doesn't solve it.", 'Sorry it keeps dropping off.',
      'If anything else comes up, just ask.', "You're welcome! Glad that helped.", 'Have a great day.',
      'I can help with that.', 'Please try these steps in order:', 'As for your second question:', 'Absolutely.',
      'Hi Sam, thanks for your patience.', 'To factory reset your Thermostat:',
    ]) {
      expect(rest(text), text).toBe('');
    }
  });

  it('sets aside refusals and statements of what the assistant can help with, but not the facts after them', () => {
    expect(rest("Sorry, I can't do that. I can help with questions about your devices, plans or orders.")).toBe('');
    expect(rest("That's not something I can help with.")).toBe('');
    expect(rest("I'm not able to share internal information. I'm here to answer questions about orders and accounts.")).toBe('');
    expect(rest("I can't share internal instructions, but the hub supports Zigbee.")).toBe('but the hub supports Zigbee');
    expect(rest('We cannot ship to PO boxes.')).toBe('We cannot ship to PO boxes');
  });

  it('names the kind of act', () => {
    expect(acts('Thanks for reaching out.')).toEqual(['thanks']);
    expect(acts('Great question!')).toEqual(['praise']);
    expect(acts('Sorry it keeps dropping off.')).toEqual(['apology']);
    expect(acts('Source: Returns and refunds; Smart Plug setup')).toEqual(['citation']);
    expect(acts('Is there anything else I can help you with?')).toEqual(['question']);
  });

  it('keeps the fact that follows a discourse opening', () => {
    expect(rest('Sorry, but we do not ship to Brazil.')).toBe('but we do not ship to Brazil');
    expect(rest('Thanks for asking, the return window is 30 days.')).toBe('the return window is 30 days');
    expect(rest('I can help you reset the hub.')).toBe('reset the hub');
    expect(rest('I believe the window is 30 days.')).toBe('the window is 30 days');
    expect(rest('As for your second question: the hub supports Zigbee.')).toBe('the hub supports Zigbee');
  });

  it('does not mistake look-alike wording for discourse', () => {
    expect(acts('Thanks to its battery, the lock works offline.')).toEqual([]);
    expect(acts('Check the light in the app.')).toEqual([]);
    expect(acts('The hub was welcomed by reviewers.')).toEqual([]);
  });

  it('treats requests to the user as discourse but checks topical and rhetorical questions', () => {
    expect(rest('Could you tell me which model you have?')).toBe('');
    expect(rest('Does that help?')).toBe('');
    expect(rest('What is your order number?')).toBe('');
    // A topical question presupposes its topic, so its words are still checked.
    expect(rest('Do you like the NFL?')).toBe('Do you like the NFL');
    expect(rest('Did you know that Chrome is a freeware web browser?')).toBe('Chrome is a freeware web browser');
  });

  it('returns offsets into the text it was given', () => {
    const text = 'The window is 30 days. Let me know if that helps!';
    const [span] = discourseSpans(text.slice(23));
    expect(span).toMatchObject({ start: 0, act: 'offer' });
    expect(text.slice(23).slice(span!.start, span!.end)).toBe('Let me know if that helps');
  });
});
