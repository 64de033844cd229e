import { describe, expect, it } from 'vitest';
import { needsCostAcknowledgement } from './cost-acknowledgement';

describe('needsCostAcknowledgement', () => {
  it('asks for a paid run where the dialog asks for it', () => {
    expect(needsCostAcknowledgement(true, { provider: 'anthropic', estimatedCostUsd: 12.5 })).toBe(true);
    expect(needsCostAcknowledgement(true, { provider: 'openai', estimatedCostUsd: 0.01 })).toBe(true);
  });

  it('does not ask for a $0 run: the offline generator, or an estimate of nothing', () => {
    expect(needsCostAcknowledgement(true, { provider: 'offline', estimatedCostUsd: 0 })).toBe(false);
    expect(needsCostAcknowledgement(true, { provider: 'anthropic', estimatedCostUsd: 0 })).toBe(false);
  });

  it('never asks where the dialog does not ask, however much it costs', () => {
    expect(needsCostAcknowledgement(false, { provider: 'anthropic', estimatedCostUsd: 500 })).toBe(false);
  });
});
