import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/env';
import type { Db } from '../db/client';
import { getSecret, getSettings } from '../settings/workspace-settings';
import { createAnthropicProvider } from './providers/anthropic';
import { createOfflineProvider, OFFLINE_MODEL } from './providers/offline';
import { createOpenAIProvider } from './providers/openai';
import type { Provider } from './providers/types';

export type ProviderName = Provider['info']['name'];

export interface ProviderSource {
  /** The provider new runs use now, from settings and environment. */
  current(): Promise<Provider>;
  /** The provider for a run that recorded `name` and `model` when it was created. */
  forRun(name: string, model: string): Promise<Provider>;
}

/**
 * Resolves providers from workspace settings with environment overrides (CONVGEN_PROVIDER,
 * CONVGEN_MODEL, *_API_KEY, *_BASE_URL). Clients are cached per provider, model, key and URL.
 */
export function createProviderSource(db: Db, config: AppConfig, authSecret: string): ProviderSource {
  const cache = new Map<string, Provider>();
  const offline = (reason: string) => createOfflineProvider({ latencyMs: config.offlineLatencyMs ?? 1500, reason });

  async function keys() {
    return {
      anthropic: config.anthropicApiKey ?? (await getSecret(db, 'anthropicApiKey', authSecret)),
      openai: config.openaiApiKey ?? (await getSecret(db, 'openaiApiKey', authSecret)),
    };
  }

  async function build(name: ProviderName, model: string, reason: string): Promise<Provider> {
    const settings = await getSettings(db);
    const { anthropic, openai } = await keys();
    const openaiBaseUrl = config.openaiBaseUrl ?? settings.generation.openaiBaseUrl ?? undefined;
    if (name === 'offline') return offline(reason);
    const secretPart = createHash('sha256').update(`${anthropic}|${openai}`).digest('hex').slice(0, 12);
    const cacheKey = [name, model, secretPart, config.anthropicBaseUrl, openaiBaseUrl].join('|');
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    let provider: Provider;
    if (name === 'anthropic') {
      if (!anthropic) return offline('This run was set up for Claude, but no Anthropic API key is configured any more, so the offline generator is used.');
      provider = createAnthropicProvider({ apiKey: anthropic, model, baseURL: config.anthropicBaseUrl, reason });
    } else {
      // Local OpenAI-compatible servers (Ollama, vLLM…) accept any key.
      provider = createOpenAIProvider({ apiKey: openai ?? 'not-needed', model, baseURL: openaiBaseUrl, reason });
    }
    cache.set(cacheKey, provider);
    return provider;
  }

  return {
    async current() {
      const settings = await getSettings(db);
      const { anthropic, openai } = await keys();
      const openaiConfigured = Boolean(openai || config.openaiBaseUrl || settings.generation.openaiBaseUrl);
      const chosen = config.provider ?? settings.generation.provider;
      if (chosen === 'offline') return offline('The workspace is set to generate with the built-in offline generator (no network, $0).');
      if (chosen === 'anthropic' || (chosen === 'auto' && anthropic)) {
        if (!anthropic) return offline('Claude is selected, but no Anthropic API key is configured, so the built-in offline generator is used (no network, $0).');
        return build('anthropic', config.model ?? settings.generation.anthropicModel, 'Generating with Claude through the Anthropic API.');
      }
      if (chosen === 'openai' || (chosen === 'auto' && openaiConfigured)) {
        return build('openai', config.model ?? settings.generation.openaiModel, 'Generating with an OpenAI-compatible server.');
      }
      return offline('No API key is configured, so conversations are composed by the built-in offline generator (no network, $0).');
    },
    async forRun(name, model) {
      if (name === 'offline' || model === OFFLINE_MODEL) return offline('This run uses the offline generator.');
      return build(name as ProviderName, model, `Run created for ${name} ${model}.`);
    },
  };
}
