/**
 * The rate limits a provider announces on every answer, read from its headers:
 * Anthropic's `anthropic-ratelimit-{requests,input-tokens,output-tokens}-{limit,remaining,reset}`
 * (reset as an RFC 3339 time) and OpenAI's `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * (reset as a duration from now, "6m0s", "1.5s", "20ms"). Pure: the caller passes a header getter
 * and the time the answer arrived.
 */

/** One limit as announced: per minute, how much of it is left, and when it is whole again. */
export interface AnnouncedLimit {
  limit: number;
  remaining: number | null;
  /** Epoch ms when the provider says the limit is fully replenished, or null when it did not say. */
  resetAt: number | null;
}

/** `tokens` is a combined input + output budget (OpenAI); Anthropic limits input and output apart. */
export const ANNOUNCED_FIELDS = ['requests', 'inputTokens', 'outputTokens', 'tokens'] as const;
export type AnnouncedField = (typeof ANNOUNCED_FIELDS)[number];
export type AnnouncedLimits = Partial<Record<AnnouncedField, AnnouncedLimit>>;

type HeaderGetter = (name: string) => string | null | undefined;

const ANTHROPIC: Array<[AnnouncedField, string]> = [
  ['requests', 'requests'],
  ['inputTokens', 'input-tokens'],
  ['outputTokens', 'output-tokens'],
];

const OPENAI: Array<[AnnouncedField, string]> = [
  ['requests', 'requests'],
  ['tokens', 'tokens'],
];

/**
 * The limits a provider's answer announces, or null when it announces none (a local server, or an
 * answer from something in between). A limit whose value is missing or not a positive number is left out.
 */
export function readAnnouncedLimits(get: HeaderGetter, now: number): AnnouncedLimits | null {
  const found: AnnouncedLimits = {};
  for (const [field, name] of ANTHROPIC) {
    const limit = positive(get(`anthropic-ratelimit-${name}-limit`));
    if (limit === null) continue;
    found[field] = { limit, remaining: count(get(`anthropic-ratelimit-${name}-remaining`)), resetAt: parseResetTime(get(`anthropic-ratelimit-${name}-reset`), now) };
  }
  // Anthropic's own answers never carry x-ratelimit-*; a gateway in front of an OpenAI-compatible server does.
  if (Object.keys(found).length === 0) {
    for (const [field, name] of OPENAI) {
      const limit = positive(get(`x-ratelimit-limit-${name}`));
      if (limit === null) continue;
      found[field] = { limit, remaining: count(get(`x-ratelimit-remaining-${name}`)), resetAt: parseResetTime(get(`x-ratelimit-reset-${name}`), now) };
    }
  }
  return Object.keys(found).length ? found : null;
}

/**
 * A reset as an absolute time: an RFC 3339 date, a Go-style duration ("1m30s", "1.5s", "20ms"),
 * or bare seconds ("12").
 */
export function parseResetTime(raw: string | null | undefined, now: number): number | null {
  const value = raw?.trim();
  if (!value) return null;
  const duration = parseDuration(value);
  if (duration !== null) return now + duration;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date;
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** "6m0s" → 360 000; "1.5s" → 1 500; "20ms" → 20; "12" (seconds) → 12 000; anything else → null. */
export function parseDuration(value: string): number | null {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const parts = value.match(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g);
  if (!parts || parts.join('') !== value) return null;
  let total = 0;
  for (const part of parts) {
    const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)$/.exec(part)!;
    total += Number(amount) * UNIT_MS[unit];
  }
  return total;
}

function positive(raw: string | null | undefined): number | null {
  const n = raw === null || raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : null;
}

function count(raw: string | null | undefined): number | null {
  const n = raw === null || raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}
