import { and, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ConversationFilter } from '../../contract/conversations';
import { QUALITY_RANGES } from '../../core/quality';
import { conversations } from '../schema';


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
  if (filter.seed) parts.push(eq(c.isSeed, filter.seed === 'only'));
  const q = filter.q?.trim();
  if (q) parts.push(sql`${c.searchText} like ${likePattern(q)}`);
  return and(...parts);
}
