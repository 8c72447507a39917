import { createHash } from 'node:crypto';

/** Hex SHA-256 of a UTF-8 string: token hashes, text fingerprints, audit digests. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
