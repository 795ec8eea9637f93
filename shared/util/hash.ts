import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';

/** SHA-256 hex of a UTF-8 string; pure JS so shared/ stays free of node:crypto. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hash of a value's canonical JSON: what results store as their params hash. */
export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
