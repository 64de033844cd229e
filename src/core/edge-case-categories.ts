/**
 * The kinds of boundary the edge-case tier tests (US8.3.1, US8.3.2). US8.3.2 names "conflicting
 * advice requests" beside conflicting goals, and the demo's library uses it.
 */
export const EDGE_CASE_CATEGORIES = ['emotional_overwhelm', 'conflicting_goals', 'conflicting_advice', 'boundary_testing', 'ethical_dilemma'] as const;
export type EdgeCaseCategory = (typeof EDGE_CASE_CATEGORIES)[number];

export const EDGE_CASE_CATEGORY_LABELS: Record<EdgeCaseCategory, string> = {
  emotional_overwhelm: 'Extreme emotions',
  conflicting_goals: 'Conflicting goals',
  conflicting_advice: 'Conflicting advice',
  boundary_testing: 'Boundary testing',
  ethical_dilemma: 'Ethical dilemmas',
};
