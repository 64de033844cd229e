import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertTransition, canTransition, CONVERSATION_STATUSES } from './statuses';

describe('conversation status machine', () => {
  it('allows the generation path not_generated → generating → generated → approved', () => {
    expect(canTransition('not_generated', 'generating')).toBe(true);
    expect(canTransition('generating', 'generated')).toBe(true);
    expect(canTransition('generated', 'approved')).toBe(true);
  });

  it('allows failure and retry', () => {
    expect(canTransition('generating', 'failed')).toBe(true);
    expect(canTransition('failed', 'generating')).toBe(true);
  });

  it('refuses reviewing what was never generated', () => {
    expect(canTransition('not_generated', 'approved')).toBe(false);
    expect(canTransition('failed', 'approved')).toBe(false);
    expect(() => assertTransition('not_generated', 'approved')).toThrowError(AppError);
  });

  it('refuses to start a second generation while one runs', () => {
    expect(canTransition('generating', 'generating')).toBe(false);
    try {
      assertTransition('generating', 'generating');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).status).toBe(409);
      expect((err as AppError).hint).toMatch(/wait/i);
    }
  });

  it('never allows a status to move to itself', () => {
    for (const s of CONVERSATION_STATUSES) expect(canTransition(s, s)).toBe(false);
  });
});
