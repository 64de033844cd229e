import { and, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ConversationFilter } from '../../contract/conversations';
import { QUALITY_RANGES } from '../../core/quality';
import { conversations } from '../schema';
import { tokenRangeWhere } from './token-counts';


/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause for a conversation filter: OR within a dimension, AND across dimensions.
 * Shared by the list query, runs created from a filter, and exports.
 */
export function conversationWhere(filter: ConversationFilter): SQL | undefined {
  const c = conversations;
  const parts: (SQL | undefined)[] = [];
  if (filter.persona?.length) parts.push(inArray(c.persona, filter.persona));
  if (filter.emotion?.length) parts.push(inArray(c.emotion, filter.emotion));
  if (filter.topic?.length) parts.push(inArray(c.topic, filter.topic));
  if (filter.intent?.length) parts.push(inArray(c.intent, filter.intent));
  if (filter.tone?.length) parts.push(inArray(c.tone, filter.tone));
  if (filter.status?.length) parts.push(inArray(c.status, filter.status));
  if (filter.tier?.length) parts.push(inArray(c.tier, filter.tier));
  if (filter.quality?.length) {
    const ranges = filter.quality.map((level) => {
      const { min, max } = QUALITY_RANGES[level];
      return and(isNotNull(c.qualityScore), min === undefined ? undefined : gte(c.qualityScore, min), max === undefined ? undefined : lt(c.qualityScore, max));
    });
    parts.push(or(...ranges));
  }
  if (filter.qualityMin !== undefined) parts.push(gte(c.qualityScore, filter.qualityMin));
  if (filter.qualityMax !== undefined) parts.push(lte(c.qualityScore, filter.qualityMax));
  for (const pair of filter.meta ?? []) {
    const at = pair.indexOf(':');
    // Compared as text, so meta=batch:3 and meta=checked:true match numbers and booleans too.
    parts.push(sql`${c.metadata} ->> ${pair.slice(0, at)} = ${pair.slice(at + 1)}`);
  }
  parts.push(...sourceConditions(filter));
  if (filter.seed) parts.push(eq(c.isSeed, filter.seed === 'only'));
  if (filter.tokensMin !== undefined || filter.tokensMax !== undefined) parts.push(tokenRangeWhere(filter.tokenModel ?? 'llama-3.1', filter.tokensMin, filter.tokensMax));
  if (filter.nearDuplicate) parts.push(isNotNull(c.nearDuplicateOf));
  const q = filter.q?.trim();
  if (q) parts.push(sql`${c.searchText} like ${likePattern(q)}`);
  return and(...parts);
}

/**
 * A source-chunk dimension of a conversation: its chunk's as they are now, or, when the chunk is
 * gone (re-chunked or deleted), as they were when the conversation was made (its snapshot).
 */
function sourceDimension(key: string): SQL {
  const c = conversations;
  return sql`coalesce((select ch.dimensions->>${key} from chunks ch where ch.id = ${c.chunkId}), ${c.sourceSnapshot}->'dimensions'->>${key})`;
}

const textList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Filters on the source material: document category and id, and the chunk's derived dimensions. */
function sourceConditions(filter: ConversationFilter): SQL[] {
  const c = conversations;
  const parts: SQL[] = [];
  if (filter.category?.length) {
    parts.push(
      sql`(exists (select 1 from documents d where d.id = ${c.documentId} and d.category in (${textList(filter.category)}))
        or (${c.documentId} is null and ${c.sourceSnapshot}->>'category' in (${textList(filter.category)})))`,
    );
  }
  if (filter.document?.length) {
    parts.push(sql`coalesce(${c.documentId}::text, ${c.sourceSnapshot}->>'documentId') in (${textList(filter.document)})`);
  }
  if (filter.expertise?.length) parts.push(sql`${sourceDimension('expertise_level')} in (${textList(filter.expertise)})`);
  if (filter.valence?.length) parts.push(sql`${sourceDimension('emotional_valence')} in (${textList(filter.valence)})`);
  if (filter.audience?.length) parts.push(sql`${sourceDimension('audience_level')} in (${textList(filter.audience)})`);
  if (filter.confidenceMin !== undefined) {
    // A hand edit or a model may store a number; anything else has no confidence and is left out.
    parts.push(sql`case when jsonb_typeof(coalesce((select ch.dimensions->'confidence' from chunks ch where ch.id = ${c.chunkId}), ${c.sourceSnapshot}->'dimensions'->'confidence')) = 'number'
      then (${sourceDimension('confidence')})::double precision >= ${filter.confidenceMin} else false end`);
  }
  return parts;
}
