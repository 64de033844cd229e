import { describe, expect, it } from 'vitest';
import { deriveScenariosOffline } from './offline/scenario-derivation';
import { keepKnownValues, parseScenarioAnswer, scenarioPrompt, type ScenarioCatalog } from './scenario-answer';

const catalog: ScenarioCatalog = {
  persona: [
    { key: 'first_time_investor', label: 'First-time investor' },
    { key: 'anxious_heir', label: 'Anxious heir facing an inheritance' },
  ],
  emotion: [
    { key: 'anxiety', label: 'Anxiety' },
    { key: 'confidence', label: 'Confidence' },
  ],
  topic: [
    { key: 'retirement', label: 'Retirement savings' },
    { key: 'inheritance_windfall', label: 'Inheritance windfall' },
  ],
};

const valid = {
  title: 'A grieving heir facing a windfall',
  description: 'An heir inherits an IRA.',
  category: 'estate_planning',
  problem: 'They inherited $400,000 and feel pressure.',
  solution: 'Wait ninety days and plan withdrawals.',
  outcome: 'They make no irreversible moves.',
  persona: 'anxious_heir',
  emotion: 'anxiety',
  topic: null,
};

const passage = {
  heading: 'Inheriting an IRA',
  documentTitle: 'Client Stories',
  content:
    'A client inherited a traditional IRA from her father and felt overwhelmed by the choices. Beneficiaries must usually empty an inherited IRA within ten years. You should spread withdrawals over several tax years and consider the estate’s step-up in basis. This helps the heir keep more of the inheritance and reduces the tax bill.',
};

describe('the scenario answer schema', () => {
  it('accepts a well-formed answer', () => {
    expect(parseScenarioAnswer({ scenarios: [valid] })).toEqual({ ok: true, value: { scenarios: [valid] } });
  });

  it('names the first problem of a malformed answer', () => {
    expect(parseScenarioAnswer({ scenarios: [{ ...valid, category: 'lifestyle' }] })).toMatchObject({ ok: false, problem: expect.stringContaining('scenarios.0.category') });
    const { outcome: _o, ...noOutcome } = valid;
    expect(parseScenarioAnswer({ scenarios: [noOutcome] })).toMatchObject({ ok: false, problem: expect.stringContaining('scenarios.0.outcome') });
    expect(parseScenarioAnswer({ scenarios: [] })).toMatchObject({ ok: false, problem: expect.stringContaining('at least one') });
    expect(parseScenarioAnswer({ scenarios: [{ ...valid, mood: 'x' }] }).ok).toBe(false);
    expect(parseScenarioAnswer('text')).toMatchObject({ ok: false });
  });

  it('drops suggested values the catalog does not hold, keeping the known ones', () => {
    expect(keepKnownValues({ ...valid, topic: 'made_up', persona: 'anxious_heir' } as never, catalog)).toMatchObject({ persona: 'anxious_heir', topic: null });
  });

  it('asks for the number of scenarios wanted and lists the catalog keys', () => {
    const prompt = scenarioPrompt({ ...passage, category: 'Client Stories' }, catalog, 2);
    expect(prompt).toContain('Draw 2 different customer scenarios');
    expect(prompt).toContain('anxious_heir (Anxious heir facing an inheritance)');
    expect(prompt).toContain('<passage>');
  });
});

describe('scenarios drawn offline', () => {
  it('yields answers the schema accepts, as many as asked, the same each time', () => {
    const answer = deriveScenariosOffline(passage, catalog, 2);
    expect(parseScenarioAnswer(answer).ok).toBe(true);
    expect(answer.scenarios).toHaveLength(2);
    expect(deriveScenariosOffline(passage, catalog, 2)).toEqual(answer);
    expect(new Set(answer.scenarios.map((s) => s.title)).size).toBe(2);
  });

  it('arranges the passage as problem, advice and outcome, and picks category and catalog values by its words', () => {
    const [s] = deriveScenariosOffline(passage, catalog, 1).scenarios;
    expect(s.category).toBe('estate_planning');
    expect(s.solution).toMatch(/should spread withdrawals/);
    expect(s.outcome).toMatch(/helps the heir/);
    expect(s.persona).toBe('anxious_heir');
    expect(s.topic).toBe('inheritance_windfall');
    expect(s.title).toContain('Inheriting an IRA');
  });

  it('copes with a passage of no sentences and an empty catalog', () => {
    const answer = deriveScenariosOffline({ heading: null, content: 'Budget', documentTitle: 'Notes' }, { persona: [], emotion: [], topic: [] }, 1);
    expect(parseScenarioAnswer(answer).ok).toBe(true);
    expect(answer.scenarios[0]).toMatchObject({ persona: null, emotion: null, topic: null, category: 'financial' });
  });
});
