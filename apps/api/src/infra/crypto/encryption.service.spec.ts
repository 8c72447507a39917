import { loadConfig } from '../config/config';
import { DecryptionError, EncryptionService } from './encryption.service';

const K1 = 'old:' + Buffer.alloc(32, 1).toString('base64');
const K2 = 'new:' + Buffer.alloc(32, 2).toString('base64');
const service = (keys: string) => new EncryptionService(loadConfig({ ENCRYPTION_KEYS: keys }));

describe('EncryptionService', () => {
  it('round-trips text and never stores it in the clear', () => {
    const s = service(K1);
    const token = s.encrypt('refresh-token-1//0gSecret');
    expect(token).not.toContain('Secret');
    expect(token.startsWith('v1.old.')).toBe(true);
    expect(s.decrypt(token)).toBe('refresh-token-1//0gSecret');
    expect(s.encrypt('same')).not.toBe(s.encrypt('same'));
  });

  it('rejects a tampered ciphertext', () => {
    const s = service(K1);
    const parts = s.encrypt('account 4471').split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 0xff;
    parts[4] = body.toString('base64url');
    expect(() => s.decrypt(parts.join('.'))).toThrow(DecryptionError);
  });

  it('binds ciphertext to its associated data', () => {
    const s = service(K1);
    const token = s.encrypt('transcript', 'meeting:1');
    expect(s.decrypt(token, 'meeting:1')).toBe('transcript');
    expect(() => s.decrypt(token, 'meeting:2')).toThrow(DecryptionError);
  });

  it('decrypts data written under an old key after rotation, and re-encrypts it under the new one', () => {
    const before = service(K1).encrypt('written before rotation');
    const after = service(`${K2},${K1}`);
    expect(after.decrypt(before)).toBe('written before rotation');
    const rotated = after.rotate(before)!;
    expect(after.keyIdOf(rotated)).toBe('new');
    expect(after.decrypt(rotated)).toBe('written before rotation');
    expect(after.rotate(rotated)).toBeNull();
    expect(() => service(K2).decrypt(before)).toThrow(/key old is not configured/);
  });
});
