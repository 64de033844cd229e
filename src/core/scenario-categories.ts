/**
 * What a scenario is about. A fixed list, not a setting: these four subjects (US8.2.2) are what the
 * diversity report, the filters and the derivation prompt group by, and a model can only be asked to
 * choose from a list it is given. Where a scenario came from (the document's category) is kept apart:
 * it is read through the scenario's source chunk.
 */
export const SCENARIO_CATEGORIES = ['financial', 'career', 'personal', 'estate_planning'] as const;
export type ScenarioCategory = (typeof SCENARIO_CATEGORIES)[number];

export const SCENARIO_CATEGORY_LABELS: Record<ScenarioCategory, string> = {
  financial: 'Financial',
  career: 'Career',
  personal: 'Personal',
  estate_planning: 'Estate planning',
};

/** Where a scenario came from: written in the library, drawn from a chunk by the provider, or the demo's. */
export const SCENARIO_ORIGINS = ['manual', 'derived', 'demo'] as const;
export type ScenarioOrigin = (typeof SCENARIO_ORIGINS)[number];

export const SCENARIO_ORIGIN_LABELS: Record<ScenarioOrigin, string> = { manual: 'Written by hand', derived: 'Drawn from a chunk', demo: 'Demo' };
