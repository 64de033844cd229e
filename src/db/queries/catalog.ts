import { asc } from 'drizzle-orm';
import type { Catalog, CatalogValue } from '../../contract/catalog';
import type { Db } from '../client';
import { dimensionValues, emotionalArcs } from '../schema';


/** The dimension values and arcs, for labels, filters and tooltips. */
export async function getCatalog(db: Db): Promise<Catalog> {
  const values = await db.select().from(dimensionValues).orderBy(asc(dimensionValues.dimension), asc(dimensionValues.sortOrder));
  const arcs = await db.select().from(emotionalArcs).orderBy(asc(emotionalArcs.id));
  const group = (dimension: string): CatalogValue[] =>
    values.filter((v) => v.dimension === dimension && v.active).map((v) => ({ key: v.key, label: v.label, description: v.description, attributes: v.attributes }));
  return {
    persona: group('persona'),
    emotion: group('emotion'),
    topic: group('topic'),
    intent: group('intent'),
    tone: group('tone'),
    arcs: arcs.map((a) => ({ key: a.key, label: a.label, description: a.description, startEmotion: a.startEmotion, endEmotion: a.endEmotion, enabled: a.enabled })),
  };
}
