import type { Tx } from '../db/client';
import { settingsHistory } from '../db/schema';

/** What a scenario change records: the fields that changed, before and after. */
type Snapshot = Record<string, unknown> | null;

/**
 * Records a scenario change in the workspace's audit trail (the settings history, US14.1.2): the
 * library is workspace configuration the planner reads, so who changed which scenario, and how, is
 * kept beside the other configuration changes. The key names the scenario and the action.
 */
export async function auditScenario(tx: Tx, userId: string | null, action: 'created' | 'updated' | 'duplicated' | 'deleted', scenario: { id: string; title: string }, before: Snapshot, after: Snapshot) {
  await tx.insert(settingsHistory).values({ key: `scenarios.${scenario.id}.${action}`, oldValue: before, newValue: after ? { title: scenario.title, ...after } : { title: scenario.title }, changedBy: userId });
}

/** The fields of `after` that differ from `before`, each side holding only those. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}
