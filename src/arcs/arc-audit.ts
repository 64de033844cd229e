import type { Tx } from '../db/client';
import { settingsHistory } from '../db/schema';

/**
 * Arc configuration is workspace configuration: its changes go to the settings audit trail
 * (Settings → History), under `arcs.…` keys, with who made them.
 */
export async function auditArcChange(tx: Tx, key: string, from: unknown, to: unknown, userId: string | null): Promise<void> {
  await tx.insert(settingsHistory).values({ key, oldValue: from ?? null, newValue: to ?? null, changedBy: userId });
}
