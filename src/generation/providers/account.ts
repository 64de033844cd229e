import { createHash } from 'node:crypto';

/**
 * A short fingerprint of an API key and the endpoint it is used at: enough to tell one account's
 * rate limits from another's, and safe to store and show, since the key cannot be recovered from it.
 */
export function accountFingerprint(apiKey: string, baseURL: string | undefined): string {
  return createHash('sha256').update(`${baseURL ?? ''}\n${apiKey}`).digest('hex').slice(0, 16);
}
