import { eq } from 'drizzle-orm';
import type { ArcItem, ArcPreset } from '../contract/arcs';
import { sameLabel } from '../core/catalog-key';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/client';
import { findArcPreset, listArcPresets, listArcs } from '../db/queries/arcs';
import { arcPresets } from '../db/schema';
import { auditArcChange } from './arc-audit';
import { writeDistribution } from './arc-distribution';

const presetNotFound = () => notFound('That arc preset', 'Reload the Arcs page to see the presets there are.');

/** Saves the current distribution under a name; names are unique, ignoring case and spacing. */
export async function saveArcPreset(db: Db, name: string, userId: string | null): Promise<ArcPreset> {
  const id = await db.transaction(async (tx) => {
    const clash = (await listArcPresets(tx)).find((p) => sameLabel(p.name, name));
    if (clash) {
      throw new AppError({
        code: 'duplicate_arc_preset',
        status: 409,
        message: `There is already a preset called "${clash.name}".`,
        hint: 'Choose another name, or delete the old preset first.',
        details: { field: 'name', existing: { id: clash.id, name: clash.name } },
      });
    }
    const distribution = (await listArcs(tx)).map((a) => ({ key: a.key, enabled: a.enabled, percent: a.percent }));
    const [row] = await tx.insert(arcPresets).values({ name, distribution, createdBy: userId }).returning({ id: arcPresets.id });
    await auditArcChange(tx, 'arcs.presets', null, { saved: name, distribution }, userId);
    return row.id;
  });
  return (await findArcPreset(db, id)) as ArcPreset;
}

/**
 * Makes a preset the current distribution. An arc the preset does not name (added after it was
 * saved) is switched off; an arc it names that no longer exists is skipped.
 */
export async function applyArcPreset(db: Db, id: number, userId: string | null): Promise<ArcItem[]> {
  await db.transaction(async (tx) => {
    const preset = await findArcPreset(tx, id);
    if (!preset) throw presetNotFound();
    const arcs = await listArcs(tx);
    const next = arcs.map((a) => preset.distribution.find((s) => s.key === a.key) ?? { key: a.key, enabled: false, percent: a.percent });
    if (!next.some((s) => s.enabled) || next.filter((s) => s.enabled).reduce((sum, s) => sum + s.percent, 0) !== 100) {
      throw new AppError({
        code: 'arc_preset_outdated',
        status: 409,
        message: `The preset "${preset.name}" names arcs that no longer exist, so its enabled arcs no longer add up to 100 %.`,
        hint: 'Set the distribution by hand and save it as a new preset, then delete this one.',
        details: { presetId: id },
      });
    }
    await writeDistribution(tx, next, userId, `arcs.presets.applied`);
  });
  return listArcs(db);
}

export async function deleteArcPreset(db: Db, id: number, userId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const preset = await findArcPreset(tx, id);
    if (!preset) throw presetNotFound();
    await tx.delete(arcPresets).where(eq(arcPresets.id, id));
    await auditArcChange(tx, 'arcs.presets', { deleted: preset.name, distribution: preset.distribution }, null, userId);
  });
}
