import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTickLoop } from './tick-loop';

/** A tick that stays running until released, counting how many ran and the most at once. */
function gatedTick() {
  const state = { started: 0, running: 0, most: 0, release: [] as (() => void)[] };
  const tick = () =>
    new Promise<void>((resolve) => {
      state.started++;
      state.running++;
      state.most = Math.max(state.most, state.running);
      state.release.push(() => {
        state.running--;
        resolve();
      });
    });
  return { state, tick };
}

describe('the worker tick loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ticks when scheduled, then every idle period', async () => {
    const { state, tick } = gatedTick();
    const loop = createTickLoop(tick, { idleMs: 1000, log: () => {} });
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.started).toBe(1);
    state.release.shift()!();
    await vi.advanceTimersByTimeAsync(999);
    expect(state.started).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.started).toBe(2);
    state.release.shift()!();
    await loop.stop();
  });

  it('never runs two ticks at once: one asked for meanwhile runs right after', async () => {
    const { state, tick } = gatedTick();
    const loop = createTickLoop(tick, { idleMs: 60_000, log: () => {} });
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    loop.schedule(0);
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.started).toBe(1);
    state.release.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.started).toBe(2);
    expect(state.most).toBe(1);
    state.release.shift()!();
    await loop.stop();
  });

  it('logs a failed tick and keeps going', async () => {
    const errors: string[] = [];
    let calls = 0;
    const loop = createTickLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('database went away');
      },
      { idleMs: 10, log: (msg, err) => errors.push(`${msg}: ${(err as Error).message}`) },
    );
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toEqual(['worker tick failed: database went away']);
    expect(calls).toBe(2);
    await loop.stop();
  });

  it('stops: waits for the tick running, and schedules none after', async () => {
    const { state, tick } = gatedTick();
    const loop = createTickLoop(tick, { idleMs: 10, log: () => {} });
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    state.release.shift()!();
    await stopping;
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(state.started).toBe(1);
  });
});
