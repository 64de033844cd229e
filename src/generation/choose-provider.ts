import type { AppConfig } from '../config/env';
import { createOfflineProvider } from './providers/offline';
import type { Provider } from './providers/types';

/**
 * Picks the provider at start-up. Until the real providers land, every configuration runs the
 * offline generator, and the reason says so, so the UI banner never claims more than is true.
 */
export function chooseProvider(config: AppConfig): Provider {
  const latencyMs = config.offlineLatencyMs ?? 1500;
  const hasKey = Boolean(config.anthropicApiKey || config.openaiApiKey);
  const reason = hasKey
    ? 'An API key is set, but this version generates with the built-in offline generator only.'
    : 'No API key is configured, so conversations are composed by the built-in offline generator (no network, $0).';
  return createOfflineProvider({ latencyMs, reason });
}
