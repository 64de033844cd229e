import type { Tx } from '../db/client';
import { settingsHistory } from '../db/schema';

/**
 * Edge-case definitions shape what the edge-case tier tests, so each change is kept with who
 * made it, in the same trail as the workspace settings (Settings → History), under the key
 * `edgeCases.<key>`: the old and new definitions, or null for a creation or a deletion.
 */
export async function auditEdgeCase(tx: Tx, userId: string | null, key: string, from: unknown, to: unknown): Promise<void> {
  await tx.insert(settingsHistory).values({ key: `edgeCases.${key}`, oldValue: from ?? null, newValue: to ?? null, changedBy: userId });
}

/** Suggestion marks are audited the same way, under `edgeCaseSuggestions.<key>`. */
export async function auditSuggestionMark(tx: Tx, userId: string | null, key: string, from: string | null, to: string | null): Promise<void> {
  await tx.insert(settingsHistory).values({ key: `edgeCaseSuggestions.${key}`, oldValue: from, newValue: to, changedBy: userId });
}
