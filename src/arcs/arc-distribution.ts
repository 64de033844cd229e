import { eq } from 'drizzle-orm';
import type { ArcItem, PutArcs } from '../contract/arcs';
import { assertValidDistribution, evenDistribution, type ArcShare } from '../core/arc-distribution';
import { AppError } from '../core/errors';
import type { Db, Tx } from '../db/client';
import { listArcs } from '../db/queries/arcs';
import { emotionalArcs } from '../db/schema';
import { auditArcChange } from './arc-audit';

const sharesOf = (arcs: readonly ArcItem[]): ArcShare[] => arcs.map((a) => ({ key: a.key, enabled: a.enabled, percent: a.percent }));

export function unknownArcs(keys: readonly string[], known: readonly ArcItem[]): AppError | null {
  const names = new Set(known.map((a) => a.key));
  const unknown = [...new Set(keys.filter((k) => !names.has(k)))];
  if (!unknown.length) return null;
  return new AppError({
    code: 'unknown_arc',
    status: 400,
    message: `There is no emotional arc ${unknown.map((k) => `"${k}"`).join(', ')}.`,
    hint: `Use the keys listed by GET /api/arcs: ${known.map((a) => a.key).join(', ')}.`,
    details: { field: 'items', unknown },
  });
}

/**
 * Writes a distribution (already merged over the current one) after checking it, and records the
 * change. Arcs not named keep their setting. All or nothing: one transaction.
 */
export async function writeDistribution(tx: Tx, next: readonly ArcShare[], userId: string | null, auditKey = 'arcs.distribution'): Promise<void> {
  const current = await listArcs(tx);
  const unknown = unknownArcs(next.map((s) => s.key), current);
  if (unknown) throw unknown;
  const byKey = new Map(next.map((s) => [s.key, s]));
  const merged = sharesOf(current).map((s) => byKey.get(s.key) ?? s);
  assertValidDistribution([...merged, ...next.filter((s, i) => next.findIndex((o) => o.key === s.key) !== i)]);
  const before = sharesOf(current);
  const changed = merged.filter((s, i) => s.enabled !== before[i].enabled || s.percent !== before[i].percent);
  for (const s of changed) await tx.update(emotionalArcs).set({ enabled: s.enabled, weight: s.percent, updatedAt: new Date() }).where(eq(emotionalArcs.key, s.key));
  if (changed.length) await auditArcChange(tx, auditKey, before, merged, userId);
}

/** `PUT /api/arcs`: the enabled arcs must add up to 100; labels sent back are ignored. */
export async function saveArcDistribution(db: Db, body: PutArcs, userId: string | null): Promise<ArcItem[]> {
  await db.transaction((tx) => writeDistribution(tx, body.items.map(({ key, enabled, percent }) => ({ key, enabled, percent })), userId));
  return listArcs(db);
}

/**
 * `POST /api/arcs/reset`: the built-in arcs enabled and sharing the tier equally, as a new
 * workspace has them. Arcs the team added are kept (conversations may follow them, and their
 * percentages survive for switching back on) but disabled, so the result is exactly the default.
 */
export async function resetArcDistribution(db: Db, userId: string | null): Promise<ArcItem[]> {
  await db.transaction(async (tx) => {
    const current = await listArcs(tx);
    if (!current.some((a) => a.builtIn)) {
      throw new AppError({ code: 'no_default_arcs', status: 409, message: 'None of the built-in arcs is left in this workspace, so there is no default to go back to.', hint: 'Set the distribution by hand on the Arcs page.' });
    }
    const next = evenDistribution(current.map((a) => ({ key: a.key, enabled: a.builtIn, percent: a.builtIn ? 0 : a.percent })));
    await writeDistribution(tx, next, userId, 'arcs.reset');
  });
  return listArcs(db);
}
