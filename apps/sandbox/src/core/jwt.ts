import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { randomToken } from './http';

/** An RS256 signing key with its JWKS entry, generated per sandbox. */
export class JwtSigner {
  private readonly key: KeyObject;
  readonly kid = randomToken(8);
  readonly jwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = sharedKeyPair();
    this.key = privateKey;
    this.jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: this.kid, alg: 'RS256', use: 'sig' };
  }

  sign(payload: Record<string, unknown>): string {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${enc({ alg: 'RS256', kid: this.kid, typ: 'JWT' })}.${enc(payload)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(this.key).toString('base64url')}`;
  }
}

let cached: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
/** One RSA key pair per process: generating 2048-bit keys costs ~100 ms, and sandboxes in one test run need not differ. */
export function sharedKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  cached ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return cached;
}
