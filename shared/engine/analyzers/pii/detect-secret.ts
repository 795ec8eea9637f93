import type { PiiEntity } from './types';

// Credentials with a published prefix or shape. The body lengths are lower bounds so that documentation
// placeholders like "sk-..." or "AKIA..." are not flagged.
const PREFIXED: readonly RegExp[] = [
  /(?<![\w-])sk-(?:proj-|ant-(?:api\d\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, // OpenAI / Anthropic
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, // AWS access key id
  /(?<![A-Za-z0-9_])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}/g, // GitHub tokens
  /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}/g,
  /(?<![A-Za-z0-9-])xox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}/g, // Google API key
  /(?<![A-Za-z0-9_])(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{16,}/g, // Stripe
  /(?<![A-Za-z0-9_-])glpat-[0-9A-Za-z_-]{20,}/g, // GitLab
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
  /(?<![A-Za-z0-9_-])(?:hf_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})/g, // Hugging Face, npm, SendGrid
];

// A secret-sounding name, then (sticky, right after it) an assignment and the value, quoted or bare. The
// name is found first with a plain keyword scan so that no regex ever restarts inside long identifiers.
const KEYWORD = /password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth/gi;
const ASSIGNMENT = /[A-Za-z0-9_]{0,20}["']?\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?([^\s"'`,;<>]{6,200})/y;
const PLACEHOLDER = /^(?:\*+|x+|\.+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\w+%|your[_-]?\w*|changeme|password|secret|token|null|none|undefined|true|false|example\w*|dummy\w*|redacted|\[redacted\]|env\(.*|process\.env.*|os\.environ.*)$/i;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function classes(s: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
}

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;

/** PEM private key blocks. The END search position only moves forward, so many BEGINs without an END stay linear. */
function detectPem(text: string, out: PiiEntity[]): void {
  if (!text.includes('PRIVATE KEY')) return;
  let endMarker = -2; // next "-----END " at or after the current BEGIN; -1 once none is left
  for (const m of text.matchAll(PEM_BEGIN)) {
    if (endMarker !== -1 && endMarker < m.index) endMarker = text.indexOf('-----END ', m.index + m[0].length);
    let end: number;
    if (endMarker !== -1 && endMarker - m.index < 20000) {
      const close = text.indexOf('-----', endMarker + 9);
      end = close === -1 ? endMarker + 9 : close + 5;
    } else {
      // No END: flag the header and the base64 lines that follow it.
      end = m.index + m[0].length;
      let pos = end;
      while (pos < text.length && pos - m.index < 20000) {
        const nl = text.indexOf('\n', pos + 1);
        const line = text.slice(pos, nl === -1 ? text.length : nl).trim();
        if (!/^[A-Za-z0-9+/=]{16,}$/.test(line)) break;
        end = (nl === -1 ? text.length : nl);
        pos = end;
      }
    }
    out.push({ type: 'secret', start: m.index, end, score: 1 });
  }
}

/** API keys, tokens, private keys and high-entropy values assigned to secret-sounding names. */
export function detectSecrets(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const re of PREFIXED) for (const m of text.matchAll(re)) out.push({ type: 'secret', start: m.index, end: m.index + m[0].length, score: 0.95 });
  detectPem(text, out);
  for (const m of text.matchAll(KEYWORD)) {
    ASSIGNMENT.lastIndex = m.index + m[0].length;
    const a = ASSIGNMENT.exec(text);
    const value = a?.[1];
    if (!a || !value || PLACEHOLDER.test(value)) continue;
    const isPassword = /pass|pwd/i.test(m[0]);
    // Passwords are often low-entropy words with a digit; other secrets should look random.
    const looksSecret = isPassword ? classes(value) >= 2 : value.length >= 12 && entropy(value) >= 3.2 && classes(value) >= 2;
    if (!looksSecret) continue;
    const start = a.index + a[0].length - value.length;
    out.push({ type: 'secret', start, end: start + value.length, score: isPassword ? 0.8 : 0.85 });
  }
  return out;
}
