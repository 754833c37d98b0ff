// AES-256-GCM under a key derived from AUTH_SECRET, with the secret as a parameter: the app seals
// and opens destination secrets through lib/deliveries/secrets.ts, and `npm start` checks with it
// that the stored ones still open under the AUTH_SECRET it runs with (scripts/key-check.ts).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { UndecryptableSecretError } from '../errors';

const INFO = 'service-review/delivery-secrets/v1';

function key(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'service-review', INFO, 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function sealSecret(authSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(authSecret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plain text; an UndecryptableSecretError when it was sealed under another AUTH_SECRET. */
export function openSecret(authSecret: string, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unreadable delivery secret.');
  const decipher = createDecipheriv('aes-256-gcm', key(authSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // GCM's "Unsupported state or unable to authenticate data": the tag does not match this key.
    throw new UndecryptableSecretError();
  }
}
