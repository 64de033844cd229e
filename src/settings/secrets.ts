import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * API keys entered in the settings are stored encrypted (AES-256-GCM) with a key derived from
 * the workspace secret, so a database dump alone does not reveal them.
 */
const keyFrom = (secret: string) => createHash('sha256').update(`convgen-settings:${secret}`).digest();

export function encryptSecret(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

/** Undefined when the value cannot be decrypted (for example after the secret changed). */
export function decryptSecret(stored: string, secret: string): string | undefined {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
