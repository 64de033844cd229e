import { z } from 'zod';
import type { AnnouncedLimits } from './announced-limits';
import type { RateLimitConfig } from './rate-limit';
import { defaultLimitsFor, RATE_LIMIT_PRESETS, type RateLimitMode, type RateLimitPresetId } from './rate-limit-presets';

/**
 * Which limits a provider's calls are paced by: what the provider announces (the default), or
 * what an admin chose on purpose — a preset, custom limits, or single values that override what
 * is announced. Never above what the provider announces: it would refuse those calls anyway.
 */

export const LIMIT_FIELDS = ['requestsPerMinute', 'inputTokensPerMinute', 'outputTokensPerMinute', 'tokensPerMinute'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** The limits a provider's answers announced; a kind it did not announce is absent. */
export type LearnedLimits = Partial<Record<LimitField, number>>;

const perMinute = z.number().int().positive().max(1_000_000_000);
/** Values an admin set on purpose while the rest is learned; a field left out follows the provider. */
export const rateLimitOverridesSchema = z
  .object({ requestsPerMinute: perMinute.optional(), inputTokensPerMinute: perMinute.optional(), outputTokensPerMinute: perMinute.optional(), tokensPerMinute: perMinute.optional() })
  .strict();
export type RateLimitOverrides = z.infer<typeof rateLimitOverridesSchema>;

export interface RateLimitSettings {
  rateLimitPreset: RateLimitMode;
  customRateLimits: RateLimitConfig | null;
  rateLimitOverrides?: RateLimitOverrides;
  /** The workspace's "conversations at a time". */
  concurrency: number;
}

/**
 * Where a value in force comes from: announced by the `provider`; an admin's `override`, `preset`
 * or `custom` limits; the provider's `fallback` preset while nothing is announced; `none`: no limit.
 */
export const LIMIT_SOURCES = ['provider', 'override', 'preset', 'custom', 'fallback', 'none'] as const;
export type LimitSource = (typeof LIMIT_SOURCES)[number];

export interface ResolvedRateLimits {
  limits: RateLimitConfig;
  sources: Record<LimitField, LimitSource>;
  /** Learning, and no answer yet: one call at a time until the first answer tells the limits. */
  probing: boolean;
}

/** The learned values of an answer's announced limits. */
export function learnedFrom(announced: AnnouncedLimits): LearnedLimits {
  const learned: LearnedLimits = {};
  if (announced.requests) learned.requestsPerMinute = announced.requests.limit;
  if (announced.inputTokens) learned.inputTokensPerMinute = announced.inputTokens.limit;
  if (announced.outputTokens) learned.outputTokensPerMinute = announced.outputTokens.limit;
  if (announced.tokens) learned.tokensPerMinute = announced.tokens.limit;
  return learned;
}

export function sameLearned(a: LearnedLimits | undefined, b: LearnedLimits | undefined): boolean {
  if (!a || !b) return a === b;
  return LIMIT_FIELDS.every((f) => a[f] === b[f]);
}

/**
 * The limits in force for `provider`. `learned` is undefined while no answer has come back yet,
 * and `{}` once answers came that announced nothing (a local server): then the provider's own
 * fallback preset applies.
 */
export function resolveRateLimits(settings: RateLimitSettings, provider: string, learned: LearnedLimits | undefined): ResolvedRateLimits {
  if (provider === 'offline') {
    return { limits: { ...RATE_LIMIT_PRESETS.unlimited.limits, maxConcurrency: settings.concurrency }, sources: allSources('none'), probing: false };
  }
  const fallback = defaultLimitsFor(provider);
  const limits: RateLimitConfig = { requestsPerMinute: null, inputTokensPerMinute: null, outputTokensPerMinute: null, tokensPerMinute: null, maxConcurrency: 1 };
  const sources = allSources('none');

  if (settings.rateLimitPreset !== 'learn') {
    const custom = settings.rateLimitPreset === 'custom';
    const chosen = custom ? (settings.customRateLimits ?? fallback) : RATE_LIMIT_PRESETS[settings.rateLimitPreset as RateLimitPresetId].limits;
    for (const field of LIMIT_FIELDS) {
      const value = chosen[field] ?? null;
      const announced = learned?.[field];
      if (announced !== undefined && (value === null || announced < value)) set(field, announced, 'provider');
      else set(field, value, value === null ? 'none' : custom ? 'custom' : 'preset');
    }
    limits.maxConcurrency = Math.min(chosen.maxConcurrency, settings.concurrency);
    return { limits, sources, probing: false };
  }

  const announcedAny = learned !== undefined && LIMIT_FIELDS.some((f) => learned[f] !== undefined);
  for (const field of LIMIT_FIELDS) {
    const override = settings.rateLimitOverrides?.[field];
    const announced = learned?.[field];
    if (override !== undefined) {
      if (announced !== undefined && announced < override) set(field, announced, 'provider');
      else set(field, override, 'override');
    } else if (announcedAny) {
      set(field, announced ?? null, announced === undefined ? 'none' : 'provider');
    } else {
      const value = fallback[field] ?? null;
      set(field, value, value === null ? 'none' : 'fallback');
    }
  }
  limits.maxConcurrency = learned === undefined ? 1 : announcedAny ? settings.concurrency : Math.min(fallback.maxConcurrency, settings.concurrency);
  return { limits, sources, probing: learned === undefined };

  function set(field: LimitField, value: number | null, source: LimitSource) {
    limits[field] = value;
    sources[field] = source;
  }
}

function allSources(source: LimitSource): Record<LimitField, LimitSource> {
  return { requestsPerMinute: source, inputTokensPerMinute: source, outputTokensPerMinute: source, tokensPerMinute: source };
}
