import { describe, expect, it } from 'vitest';
import { arcTargets, tierTargets } from './tier-targets';

describe('tierTargets', () => {
  it('is the spec’s 40/35/15 for a new or small workspace', () => {
    expect(tierTargets(0, { template: 40, scenario: 35, edge_case: 15 })).toEqual({ template: 40, scenario: 35, edge_case: 15 });
    expect(tierTargets(60, { template: 40, scenario: 35, edge_case: 15 })).toEqual({ template: 40, scenario: 35, edge_case: 15 });
  });

  it('keeps the proportions for a larger workspace', () => {
    expect(tierTargets(180, { template: 40, scenario: 35, edge_case: 15 })).toEqual({ template: 80, scenario: 70, edge_case: 30 });
  });

  it('gives a tier weighing 0 no target', () => {
    expect(tierTargets(10, { template: 1, scenario: 0, edge_case: 0 })).toEqual({ template: 10, scenario: 0, edge_case: 0 });
  });
});

describe('arcTargets', () => {
  it('shares the template target over the enabled arcs', () => {
    expect(arcTargets(40, [{ key: 'a', enabled: true, percent: 50 }, { key: 'b', enabled: true, percent: 50 }, { key: 'c', enabled: false, percent: 30 }])).toEqual({ a: 20, b: 20, c: 0 });
  });
});
