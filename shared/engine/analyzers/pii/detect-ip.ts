import { cueBefore } from './context';
import type { PiiEntity } from './types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?![\\w]|\\.\\d)`, 'g');
// Colon-separated hex groups, optionally ending in a dotted IPv4; the parser below decides.
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;
const VERSION_CUE = /(?:\bv|\bversion|\bver\.?|\brelease|\bbuild)\s*$/i;
const V4_EXACT = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);

function ipv6Valid(s: string): boolean {
  let body = s;
  let tailGroups = 0;
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    if (!V4_EXACT.test(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0';
    tailGroups = 1; // the IPv4 tail fills two groups; "0" stands for one, so count one more
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = groups.length + tailGroups;
  if (halves.length === 1) return count === 8;
  // Compressed: fewer than 8 groups, and enough substance that "a::b" in code is not taken for an address.
  return count < 8 && count >= 2 && groups.some((g) => g.length >= 3);
}

/** IPv4 addresses with valid octets (not version numbers) and IPv6 addresses including compressed forms. */
export function detectIps(text: string): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const m of text.matchAll(IPV4)) {
    if (cueBefore(text, m.index, VERSION_CUE, 12)) continue;
    out.push({ type: 'ip_address', start: m.index, end: m.index + m[0].length, score: 0.9 });
  }
  if (text.includes(':')) {
    for (const m of text.matchAll(IPV6_CANDIDATE)) {
      if (ipv6Valid(m[0])) out.push({ type: 'ip_address', start: m.index, end: m.index + m[0].length, score: 0.9 });
    }
  }
  return out;
}
