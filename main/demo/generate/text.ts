const KEEP_CAPITAL = /^(Lumora|Hub|Cam|Smart|Protect|Care|Apple|Google|Alexa|Klarna|Best|Black|IFTTT|Motion|Leak|Video|Thermostat|Business|Chat|Phone|Email|Open|Settings|UK|EU|US|I\b|I'm|I've)/;

/** Lower-cases a leading capital so a sentence can follow a connective, except for names and "I". */
export function lowerFirst(text: string): string {
  if (!/^[A-Z][a-z]/.test(text) || KEEP_CAPITAL.test(text)) return text;
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Adds a full stop when a sentence has no closing punctuation, so another sentence can follow it. */
export function endSentence(text: string): string {
  return /[.?!]["')]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
