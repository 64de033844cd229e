import { asc, eq } from 'drizzle-orm';
import type { ArcItem, ArcPreset } from '../../contract/arcs';
import type { Db, Tx } from '../client';
import { arcPresets, emotionalArcs } from '../schema';
import { DEFAULT_ARCS } from '../seed/defaults/arcs';

const BUILT_IN = new Set(DEFAULT_ARCS.map((a) => a.key));
export const isBuiltInArc = (key: string) => BUILT_IN.has(key);

/** Every emotional arc in the order they were added, with its share of the template tier. */
export async function listArcs(db: Db | Tx): Promise<ArcItem[]> {
  const rows = await db.select().from(emotionalArcs).orderBy(asc(emotionalArcs.id));
  return rows.map((a) => ({
    key: a.key,
    label: a.label,
    description: a.description,
    startEmotion: a.startEmotion,
    endEmotion: a.endEmotion,
    stages: a.stages,
    minTurns: a.minTurns,
    maxTurns: a.maxTurns,
    enabled: a.enabled,
    percent: a.weight,
    builtIn: isBuiltInArc(a.key),
  }));
}

const presentPreset = (row: typeof arcPresets.$inferSelect): ArcPreset => ({ id: row.id, name: row.name, distribution: row.distribution, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() });

export async function listArcPresets(db: Db | Tx): Promise<ArcPreset[]> {
  return (await db.select().from(arcPresets).orderBy(asc(arcPresets.name))).map(presentPreset);
}

export async function findArcPreset(db: Db | Tx, id: number): Promise<ArcPreset | null> {
  const [row] = await db.select().from(arcPresets).where(eq(arcPresets.id, id));
  return row ? presentPreset(row) : null;
}

export async function findArcPresetByName(db: Db | Tx, name: string): Promise<ArcPreset | null> {
  const [row] = await db.select().from(arcPresets).where(eq(arcPresets.name, name));
  return row ? presentPreset(row) : null;
}
