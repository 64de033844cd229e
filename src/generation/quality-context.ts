import { buildQualityContext } from '../core/quality-criteria/build-context';
import type { QualityContext } from '../core/quality';
import type { Db } from '../db/client';
import type { OfflineSlot } from '../core/offline/compose';
import { dimensionLookup } from './slot-context';

/**
 * The content criteria's context for a slot (a generated conversation's, or a template test's
 * sample), with the catalog's words for the arc's emotions.
 */
export async function qualityContextOf(db: Db, slot: OfflineSlot): Promise<QualityContext> {
  const values = await dimensionLookup(db);
  return buildQualityContext(
    { tier: slot.tier, topic: slot.topic.key, intent: slot.intent.key, arc: slot.arc ?? null, chunk: slot.chunk ? { content: slot.chunk.content, keyTerms: slot.chunk.keyTerms } : null },
    (dimension, key) => values.get(`${dimension}:${key}`),
  );
}
