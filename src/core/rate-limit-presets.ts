import type { RateLimitConfig } from './rate-limit';

/**
 * Named rate limits an admin can pick instead of letting convgen learn them from the provider's
 * answers (the default, `learn`). Each provider also has a fallback here: what convgen assumes
 * until the provider's first answer says otherwise, or for servers that announce nothing.
 */

export const RATE_LIMIT_PRESET_IDS = ['anthropic-tier-1', 'anthropic-tier-2', 'anthropic-tier-3', 'anthropic-tier-4', 'openai-default', 'unlimited'] as const;
export type RateLimitPresetId = (typeof RATE_LIMIT_PRESET_IDS)[number];

/** `learn`: follow the limits the provider announces; `custom`: the workspace's own `customRateLimits`. */
export const RATE_LIMIT_MODES = ['learn', ...RATE_LIMIT_PRESET_IDS, 'custom'] as const;
export type RateLimitMode = (typeof RATE_LIMIT_MODES)[number];

/**
 * Anthropic's published limits for the Claude Sonnet class per usage tier (check yours in the
 * Claude Console under Limits). Concurrency is our own choice: enough parallel calls to use the
 * tier's request budget at typical 20–40 s generations, few enough that a 429 hurts little.
 */
export const RATE_LIMIT_PRESETS: Record<RateLimitPresetId, { label: string; limits: RateLimitConfig }> = {
  'anthropic-tier-1': {
    label: 'Anthropic tier 1: 50 requests, 30 000 input and 8 000 output tokens a minute',
    limits: { requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8_000, maxConcurrency: 3 },
  },
  'anthropic-tier-2': {
    label: 'Anthropic tier 2: 1 000 requests, 450 000 input and 90 000 output tokens a minute',
    limits: { requestsPerMinute: 1_000, inputTokensPerMinute: 450_000, outputTokensPerMinute: 90_000, maxConcurrency: 8 },
  },
  'anthropic-tier-3': {
    label: 'Anthropic tier 3: 2 000 requests, 800 000 input and 160 000 output tokens a minute',
    limits: { requestsPerMinute: 2_000, inputTokensPerMinute: 800_000, outputTokensPerMinute: 160_000, maxConcurrency: 12 },
  },
  'anthropic-tier-4': {
    label: 'Anthropic tier 4: 4 000 requests, 2 000 000 input and 400 000 output tokens a minute',
    limits: { requestsPerMinute: 4_000, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000, maxConcurrency: 16 },
  },
  // OpenAI counts input and output tokens together (tokensPerMinute); its smallest paid tier
  // allows 500 requests and 200 000 tokens a minute for the small models.
  'openai-default': {
    label: 'OpenAI default: 500 requests and 200 000 tokens a minute',
    limits: { requestsPerMinute: 500, inputTokensPerMinute: null, outputTokensPerMinute: null, tokensPerMinute: 200_000, maxConcurrency: 5 },
  },
  unlimited: {
    label: 'No limit: only 3 requests at a time',
    limits: { requestsPerMinute: null, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: 3 },
  },
};

/** Each provider's own fallback: OpenAI-compatible servers are not held to Anthropic's tiers. */
export const DEFAULT_RATE_LIMITS: Record<'anthropic' | 'openai' | 'offline', RateLimitConfig> = {
  anthropic: RATE_LIMIT_PRESETS['anthropic-tier-1'].limits,
  openai: RATE_LIMIT_PRESETS['openai-default'].limits,
  offline: RATE_LIMIT_PRESETS.unlimited.limits,
};

export function defaultLimitsFor(provider: string): RateLimitConfig {
  return DEFAULT_RATE_LIMITS[provider as keyof typeof DEFAULT_RATE_LIMITS] ?? DEFAULT_RATE_LIMITS.anthropic;
}
