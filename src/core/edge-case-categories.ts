/** The kinds of boundary the edge-case tier tests (US8.3.1, US8.3.2). */
export const EDGE_CASE_CATEGORIES = ['emotional_overwhelm', 'conflicting_goals', 'boundary_testing', 'ethical_dilemma'] as const;
export type EdgeCaseCategory = (typeof EDGE_CASE_CATEGORIES)[number];

export const EDGE_CASE_CATEGORY_LABELS: Record<EdgeCaseCategory, string> = {
  emotional_overwhelm: 'Extreme emotions',
  conflicting_goals: 'Conflicting goals',
  boundary_testing: 'Boundary testing',
  ethical_dilemma: 'Ethical dilemmas',
};
