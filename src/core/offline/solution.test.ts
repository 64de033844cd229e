import { describe, expect, it } from 'vitest';
import { addressedToYou, gerund, solutionSteps } from './solution.js';

describe('solutionSteps', () => {
  it('drops stage directions, restates "explain that" as a fact and speaks to "you"', () => {
    const steps = solutionSteps(
      "Acknowledge the fear, then review the cash and bond reserves that already cover roughly seven years of spending, confirm nothing in the user's life has changed, explain how selling would lock in losses, and apply a 72-hour waiting period before any decision.",
    );
    expect(steps).toEqual([
      { kind: 'action', text: 'review the cash and bond reserves that already cover roughly seven years of spending' },
      { kind: 'action', text: 'make sure nothing in your life has changed' },
      { kind: 'action', text: 'get clear on how selling would lock in losses' },
      { kind: 'action', text: 'apply a 72-hour waiting period before any decision' },
    ]);
    expect(solutionSteps('Explain that rebalancing controls risk rather than predicting returns, show the drift against tolerance bands.')).toEqual([
      { kind: 'fact', text: 'Rebalancing controls risk rather than predicting returns.' },
      { kind: 'action', text: 'look at the drift against tolerance bands' },
    ]);
  });

  it('keeps lists inside one step and splits at "and" only before a verb with an object', () => {
    const steps = solutionSteps(
      'Build a realistic pro forma: gross rent, minus vacancy, management, and insurance to arrive at net operating income and cap rate, then compare cash flow after the mortgage and plan a dedicated property reserve.',
    );
    expect(steps.map((step) => step.text)).toEqual([
      'build a realistic pro forma: gross rent, minus vacancy, management, and insurance to arrive at net operating income and cap rate',
      'compare cash flow after the mortgage',
      'plan a dedicated property reserve',
    ]);
  });

  it('returns nothing without a solution', () => {
    expect(solutionSteps(undefined)).toEqual([]);
    expect(solutionSteps('  ')).toEqual([]);
  });
});

describe('addressedToYou', () => {
  it('turns the person the text is about into "you"', () => {
    expect(addressedToYou("Quantify the user's future earning power as their largest asset")).toBe('Quantify your future earning power as your largest asset');
    expect(addressedToYou('The couple brings the portfolio back within its bands.')).toBe('You bring the portfolio back within its bands.');
  });
});

describe('gerund', () => {
  it.each([
    ['adopt a period', 'adopting a period'],
    ['make sure', 'making sure'],
    ['set a test', 'setting a test'],
    ['stress-test the allocation', 'stress-testing the allocation'],
    ['double-check that', 'double-checking that'],
    ['fully separate accounts', 'fully separating accounts'],
    ['apply a rule', 'applying a rule'],
    ['see the gap', 'seeing the gap'],
  ])('%s → %s', (action, expected) => {
    expect(gerund(action)).toBe(expected);
  });
});
