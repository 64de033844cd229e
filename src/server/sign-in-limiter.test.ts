import { describe, expect, it } from 'vitest';
import { createSignInLimiter } from './sign-in-limiter';

describe('sign-in limiter', () => {
  const limits = { perAccountAndAddress: 3, perAddress: 5, windowMs: 60_000 };

  it('limits one account from one address without locking out others behind it', () => {
    let t = 0;
    const limiter = createSignInLimiter(limits, () => t);
    for (let i = 0; i < 3; i++) limiter.recordFailure('10.0.0.1', 'ops@example.test');
    expect(limiter.retryAfterSeconds('10.0.0.1', 'OPS@example.test')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.1', 'rev@example.test')).toBe(0);
    expect(limiter.retryAfterSeconds('10.0.0.2', 'ops@example.test')).toBe(0);
    t = 45_000;
    expect(limiter.retryAfterSeconds('10.0.0.1', 'ops@example.test')).toBe(15);
    t = 60_001;
    expect(limiter.retryAfterSeconds('10.0.0.1', 'ops@example.test')).toBe(0);
  });

  it('limits one address trying many accounts', () => {
    const limiter = createSignInLimiter(limits, () => 0);
    for (let i = 0; i < 5; i++) limiter.recordFailure('10.0.0.1', `user${i}@example.test`);
    expect(limiter.retryAfterSeconds('10.0.0.1', 'someone-else@example.test')).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds('10.0.0.9', 'someone-else@example.test')).toBe(0);
  });

  it('forgets an account\'s failures after it signs in', () => {
    const limiter = createSignInLimiter(limits, () => 0);
    for (let i = 0; i < 2; i++) limiter.recordFailure('10.0.0.1', 'ops@example.test');
    limiter.recordSuccess('10.0.0.1', 'ops@example.test');
    limiter.recordFailure('10.0.0.1', 'ops@example.test');
    expect(limiter.retryAfterSeconds('10.0.0.1', 'ops@example.test')).toBe(0);
  });
});
