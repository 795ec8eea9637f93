import type { RandomStream } from '../../../shared/util/rng';
import { lowerFirst } from './text';

/**
 * Wraps answer sentences in the voice of each model and prompt version. Newer prompts cite their source more
 * often, which is part of why they read as better grounded.
 */
export type ModelId = 'gpt-4o-mini' | 'claude-3-5-haiku';
export type PromptVersion = 'v1.2' | 'v1.3' | 'v1.4';

const OPENERS: Record<ModelId, string[]> = {
  'gpt-4o-mini': ['', '', 'Sure! ', 'Great question! ', 'Happy to help! ', 'Absolutely. '],
  'claude-3-5-haiku': ['', '', 'Thanks for reaching out. ', 'Good question. ', 'I can help with that. ', 'Happy to clarify. '],
};
const CLOSERS: Record<ModelId, string[]> = {
  'gpt-4o-mini': ['', '', ' Let me know if you have any other questions!', ' Is there anything else I can help you with?', ' I hope this helps!'],
  'claude-3-5-haiku': ['', '', ' If anything else comes up, just ask.', " Feel free to follow up if that doesn't solve it.", ' Let me know how it goes.'],
};

/** gpt-4o-mini likes markdown lists: "1) a 2) b" becomes a numbered list. */
function asList(text: string): string {
  const parts = text.split(/\s(?=\d\) )/);
  if (parts.length < 3) return text;
  const [head = '', ...items] = parts;
  return `${head}\n\n${items.map((item) => item.replace(/^(\d)\) /, '$1. ')).join('\n')}`;
}

export interface ComposeOptions {
  model: ModelId;
  promptVersion: PromptVersion;
  /** Answer paragraphs, one per question answered. */
  parts: string[];
  /** Titles of the documents the answer drew on, for the source line. */
  sources: string[];
  opener?: string;
  /** Suppress the source line, e.g. for refusals. */
  noSources?: boolean;
}

export function composeAnswer(rng: RandomStream, opts: ComposeOptions): string {
  const parts = opts.parts.map((p) => (opts.model === 'gpt-4o-mini' && rng.chance(0.7) ? asList(p) : p));
  let body = parts.length > 1 ? parts.join(rng.pick(['\n\n', '\n\nAs for your second question: ', '\n\nAlso: '])) : (parts[0] ?? '');
  if (opts.promptVersion === 'v1.2' && /^(The|You|Your) /.test(body) && rng.chance(0.3)) body = `I believe ${lowerFirst(body)}`;
  let opener = opts.opener ?? rng.pick(OPENERS[opts.model]);
  if (/^(Absolutely|Sure)/.test(opener) && /^(Yes|No|Unfortunately)\b/.test(body)) opener = '';
  if (/question|Absolutely|Sure/.test(opener) && /^(Sorry|Unfortunately|That is not us)/.test(body)) opener = '';
  const closer = rng.pick(CLOSERS[opts.model]);
  // A closing line after a list reads as its own paragraph, not as part of the last step.
  const joiner = closer && /\n\d\. [^\n]*$/.test(body) ? '\n\n' : '';
  let out = `${opener}${body}${joiner ? joiner + closer.trim() : closer}`;
  const cite = opts.promptVersion === 'v1.4' ? 0.55 : opts.promptVersion === 'v1.3' ? 0.2 : 0;
  if (!opts.noSources && opts.sources.length > 0 && rng.chance(cite)) {
    out += opts.promptVersion === 'v1.4' ? `\n\nSource: ${opts.sources.join('; ')}` : ` (See: ${opts.sources[0]})`;
  }
  return out;
}

/** Made-up claims a model adds when it embellishes: none of them is in the knowledge base. */
const INVENTED_BY_CATEGORY: Record<string, ((subject: string) => string)[]> = {
  devices: [
    (s) => `The ${s} also works as a Wi-Fi extender for your other Lumora devices.`,
    (s) => `A firmware update coming next month will double the battery life of the ${s}.`,
    (s) => `The ${s} has a built-in 4G modem, so it stays online even when your Wi-Fi is down.`,
    (s) => `Every ${s} is also certified by the Smart Home Safety Council for use in rentals.`,
  ],
  troubleshooting: [
    () => 'If that does not work, our technicians can connect to the device remotely and repair it within an hour.',
    () => 'You can also hold the button for 60 seconds to run the built-in self-repair mode.',
    () => 'Devices that stay offline for more than 7 days are replaced for free automatically.',
  ],
  plans: [
    () => 'Protect Plus also includes free replacement of any device that is stolen.',
    () => 'Subscribers also get a free Lumora Hub Mini every year they stay subscribed.',
    () => 'There is also a Family plan for $7.99 a month that covers up to three homes.',
    () => 'All plans include 1 TB of personal cloud backup for your photos.',
  ],
  orders: [
    () => 'We can also send a courier from our partner ParcelPoint to collect the return from your door at no cost.',
    () => 'Orders over $200 also ship with free same-day delivery in most US cities.',
    () => 'You will also receive a $20 store credit for the inconvenience.',
    () => 'Our price match also covers prices from any online store worldwide.',
  ],
  warranty: [
    () => 'If you register your device within 30 days, you automatically get an extra year of warranty.',
    () => 'Our repair center in Chicago also offers walk-in repairs on weekdays.',
    () => 'Care+ also covers loss and theft once a year.',
  ],
  account: [
    () => 'We also keep a copy of deleted videos in our archive for 90 days, just in case.',
    () => 'You can also sign in with your fingerprint on the web dashboard.',
    () => 'Accounts with two-step verification also get a 5% discount on all plans.',
  ],
  support: [
    () => 'You can also visit a Lumora Experience Store in New York, London or Berlin for in-person help.',
    () => 'Our phone line is open 24/7 for customers on any plan.',
    () => 'Customers affected by an outage automatically get a full month refunded.',
  ],
};

export function inventedClaim(rng: RandomStream, category: string, subject: string | undefined): string {
  const pool = INVENTED_BY_CATEGORY[category] ?? INVENTED_BY_CATEGORY.support ?? [];
  return rng.pick(pool)(subject ?? 'device');
}
