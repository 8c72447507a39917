import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, EncryptionKey } from '../config/config';

const VERSION = 'v1';

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt: ${reason}`);
    this.name = 'DecryptionError';
  }
}

/**
 * AES-256-GCM with the key id stored beside each ciphertext: `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url parts). New data uses the first configured key; any configured key still decrypts,
 * so keys rotate by prepending a new one and running the re-encrypt command.
 */
@Injectable()
export class EncryptionService {
  private readonly keys: Map<string, Buffer>;
  private readonly current: EncryptionKey;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.current = config.security.encryptionKeys[0];
    this.keys = new Map(config.security.encryptionKeys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string | Buffer, aad = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
  }

  decryptToBuffer(token: string, aad = ''): Buffer {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError('not a ciphertext');
    const [, keyId, iv, tag, body] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptionError(`key ${keyId} is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    } catch {
      throw new DecryptionError('ciphertext or key does not authenticate');
    }
  }

  decrypt(token: string, aad = ''): string {
    return this.decryptToBuffer(token, aad).toString('utf8');
  }

  keyIdOf(token: string): string {
    return token.split('.')[1];
  }

  /** Re-encrypts under the current key when needed; returns null when already current. */
  rotate(token: string, aad = ''): string | null {
    if (this.keyIdOf(token) === this.current.id) return null;
    return this.encrypt(this.decryptToBuffer(token, aad), aad);
  }
}
