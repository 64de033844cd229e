import { describe, expect, it } from 'vitest';
import type { WorkspaceSettings } from '../../contract/settings';
import { createSettingsCache } from './settings-cache';

const settingsWith = (concurrency: number) => ({ generation: { concurrency } }) as unknown as WorkspaceSettings;

describe('the worker settings cache', () => {
  function setup() {
    const state = { now: 1000, version: 1, reads: 0, concurrency: 3 };
    const cache = createSettingsCache(
      async () => {
        state.reads++;
        return settingsWith(state.concurrency);
      },
      () => state.version,
      { maxAgeMs: 3000, now: () => state.now },
    );
    return { state, cache };
  }

  it('reads once, then answers from memory while fresh', async () => {
    const { state, cache } = setup();
    expect(cache.latest()).toBeNull();
    expect((await cache.get()).generation.concurrency).toBe(3);
    state.concurrency = 5;
    state.now += 3000;
    expect((await cache.get()).generation.concurrency).toBe(3);
    expect(state.reads).toBe(1);
    expect(cache.latest()?.generation.concurrency).toBe(3);
  });

  it('reads again once older than its age limit', async () => {
    const { state, cache } = setup();
    await cache.get();
    state.concurrency = 5;
    state.now += 3001;
    expect((await cache.get()).generation.concurrency).toBe(5);
    expect(state.reads).toBe(2);
  });

  it('reads again at once after a change made through this process', async () => {
    const { state, cache } = setup();
    await cache.get();
    state.concurrency = 8;
    state.version = 2;
    expect((await cache.get()).generation.concurrency).toBe(8);
    expect(cache.latest()?.generation.concurrency).toBe(8);
  });
});
