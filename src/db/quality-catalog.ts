import { buildQualityContext, type QualitySlot } from '../core/quality-criteria/build-context';
import type { QualityContext } from '../core/quality';
import type { Db, Tx } from './client';
import { dimensionValues, emotionalArcs } from './schema';

/**
 * The catalog and arcs the content criteria read, loaded once for a batch of conversations (both
 * are small): the seed import and the re-scoring build each conversation's context from them.
 */
export async function loadQualityCatalog(db: Db | Tx): Promise<(slot: Omit<QualitySlot, 'arc'> & { arcKey: string | null }) => QualityContext> {
  const [values, arcs] = await Promise.all([db.select().from(dimensionValues), db.select().from(emotionalArcs)]);
  const byKey = new Map(values.map((v) => [`${v.dimension}:${v.key}`, v]));
  const arcByKey = new Map(arcs.map((a) => [a.key, a]));
  return ({ arcKey, ...slot }) => {
    const arc = arcKey ? arcByKey.get(arcKey) : undefined;
    return buildQualityContext({ ...slot, arc: arc ? { label: arc.label, stages: arc.stages, startEmotion: arc.startEmotion, endEmotion: arc.endEmotion } : null }, (dimension, key) =>
      byKey.get(`${dimension}:${key}`),
    );
  };
}
