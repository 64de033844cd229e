import type { WorkspaceSettings } from '../../contract/settings';

export interface SettingsCache {
  /** The workspace settings, read again when older than `maxAgeMs` or changed through this process. */
  get(): Promise<WorkspaceSettings>;
  /** The last settings read, without reading (null before the first read). */
  latest(): WorkspaceSettings | null;
}

/**
 * A tick runs after every finished item, so settings are read at most every few seconds — and
 * at once after a change made through this process (its settings version moved).
 */
export function createSettingsCache(load: () => Promise<WorkspaceSettings>, version: () => number, opts: { maxAgeMs?: number; now?: () => number } = {}): SettingsCache {
  const maxAgeMs = opts.maxAgeMs ?? 3000;
  const now = opts.now ?? Date.now;
  let cached: { at: number; version: number; value: WorkspaceSettings } | null = null;
  return {
    async get() {
      if (!cached || cached.version !== version() || now() - cached.at > maxAgeMs) {
        const at = now();
        const v = version();
        cached = { at, version: v, value: await load() };
      }
      return cached.value;
    },
    latest: () => cached?.value ?? null,
  };
}
